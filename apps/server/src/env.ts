import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** `.data/` at the repository root, wherever the server is started from. */
const defaultDataDir = fileURLToPath(new URL('../../../.data', import.meta.url));

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** The pickup-code secret a development server uses: never good enough for production. */
export const DEVELOPMENT_PEPPER = 'kds-development-pepper-not-a-secret';

/** Defaults the app's options share with the environment (tests build the app without one). */
export const DEFAULT_SESSION_TTL_HOURS = 12;
export const DEFAULT_MESSAGES_PER_RECIPIENT_PER_DAY = 20;

/** The placeholder in .env.example: a copied file that was not filled in must not start. */
export const EXAMPLE_PEPPER = 'replace-with-the-output-of-openssl-rand-hex-32';

const cidr = z.string().refine((value) => {
  const [address = '', bits = ''] = value.split('/');
  const family = isIP(address);
  const n = Number(bits);
  return family !== 0 && /^\d+$/.test(bits) && n >= 0 && n <= (family === 4 ? 32 : 128);
}, 'a network like 192.168.1.0/24');

const EnvSchema = z.object({
  /** Unset is production: a server started without it must not run the demo's ways. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** PostgreSQL; without it the server runs on embedded PGlite in DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATA_DIR: z.string().min(1).default(defaultDataDir),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** A streaming replica of DATABASE_URL that reports and exports read from. */
  DATABASE_REPLICA_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Further behind than this, the replica is not read: reports read the primary. */
  DATABASE_REPLICA_MAX_LAG_SECONDS: z.coerce.number().min(0).max(3600).default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Seed the demo store on an empty database (development only; refused in production). */
  SEED_DEMO: flag.optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 90)
    .default(DEFAULT_SESSION_TTL_HOURS),
  /** Mark the session cookie Secure (needs HTTPS). Default: on in production. */
  COOKIE_SECURE: flag.optional(),
  /** Where guests reach this server (links in messages, payment return URLs); needed in production. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Secret that pickup codes are derived with (32+ characters); required in production. */
  PICKUP_CODE_PEPPER: z.string().min(32).optional(),
  /**
   * Production without Stripe keys: run the simulated checkout anyway (no money moves; every
   * admin page says so in red). Otherwise production refuses to start with online payment on.
   */
  ALLOW_SIMULATED_PAYMENTS: flag.default(false),
  /** Stripe; without a secret key, a simulated checkout stands in (development). */
  STRIPE_SECRET_KEY: z.string().startsWith('sk_').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
  /** Another Stripe API endpoint (tests, proxies). */
  STRIPE_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Twilio for texts; without these, messages are recorded in the outbox and not sent. */
  TWILIO_ACCOUNT_SID: z.string().startsWith('AC').optional(),
  TWILIO_AUTH_TOKEN: z.string().min(16).optional(),
  TWILIO_FROM: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/)
    .optional(),
  /** Another Twilio API endpoint (tests, proxies). */
  TWILIO_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Email over SMTP (`smtp://user:pass@host:587`); without it, email is recorded, not sent. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default('KDS <orders@kds.local>'),
  /**
   * How delivery addresses are placed on the map (one of the two; without either, no delivery):
   * a postcodes.io-style postcode service (UK), or a Nominatim-style address geocoder (anywhere).
   */
  POSTCODE_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  GEOCODER_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Where daily backups go; unset: no daily backup (`kds backup` still works). */
  BACKUP_DIR: z.string().min(1).optional(),
  /** When the daily backup runs, server local time. */
  BACKUP_TIME: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, e.g. 04:00')
    .default('04:00'),
  /** How many daily backups are kept. */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(3650).default(14),
  /** Texts, calls or emails one guest's number or address may get per day, in all stores. */
  MESSAGES_PER_RECIPIENT_PER_DAY: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(DEFAULT_MESSAGES_PER_RECIPIENT_PER_DAY),
  /** Networks (CIDR, comma-separated) a webhook endpoint may be on although private (a LAN POS). */
  WEBHOOK_ALLOWED_NETWORKS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean),
    )
    .pipe(z.array(cidr)),
  /** Live subscriptions per signed-in session or paired screen. */
  SUBSCRIPTIONS_PER_PRINCIPAL: z.coerce.number().int().min(1).max(1_000_000).default(20),
  /** Live subscriptions of anonymous clients (guests' phones, boards) per address or IPv6 /64. */
  SUBSCRIPTIONS_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(1000),
  /** Orders one address may place per minute (a kiosk, a phone). */
  ORDERS_PER_MINUTE_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(60),
  /**
   * Behind a load balancer: which proxies' X-Forwarded-For to believe. `true` (any), a number
   * of hops, or comma-separated addresses/CIDRs (e.g. 10.0.0.0/8). Unset: none.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .min(1)
    .transform((value): boolean | number | string[] => {
      if (value === 'true' || value === 'false') return value === 'true';
      if (/^\d+$/.test(value)) return Number(value);
      return value.split(',').map((part) => part.trim());
    })
    .optional(),
  /** Bearer token for /metrics (recommended wherever the port is reachable from outside). */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Other origins allowed to call the API (comma-separated, e.g. https://admin.example.com). */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin))),
  /** Tries per outgoing message (text, call, email, webhook, refund) before it is marked failed. */
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** WebSockets one client address may hold open; more are closed with 1013. */
  WS_MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(1000),
  /** A WebSocket with more unsent data than this is cut off; the client resumes later. */
  WS_MAX_BUFFERED_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .max(256 * 1024 * 1024)
    .default(4 * 1024 * 1024),
  /** Largest accepted HTTP body or WebSocket message. */
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(10 * 1024 * 1024)
    .default(64 * 1024),
});

export type Env = z.infer<typeof EnvSchema> & { SEED_DEMO: boolean; COOKIE_SECURE: boolean };

export class EnvError extends Error {}

const fail = (lines: string[]) => new EnvError(`invalid environment:\n${lines.join('\n')}`);

/**
 * Parses the environment; a bad value stops the start with a message naming the variable and
 * what is wrong with it, never the value (it may be a live key). Production fails closed: no
 * demo seed, no development secret, a public URL to put in links.
 */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    throw fail(parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`));
  }
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  const problems: string[] = [];
  if (production) {
    if (
      !env.PICKUP_CODE_PEPPER ||
      env.PICKUP_CODE_PEPPER === DEVELOPMENT_PEPPER ||
      env.PICKUP_CODE_PEPPER === EXAMPLE_PEPPER
    ) {
      problems.push(
        '  PICKUP_CODE_PEPPER: needed in production: a secret of 32+ characters of your own (NODE_ENV is production when unset; set NODE_ENV=development to try KDS locally)',
      );
    }
    if (env.SEED_DEMO) {
      problems.push('  SEED_DEMO: the demo store (password "demo") is never seeded in production');
    }
    if (!env.DATABASE_URL && source.DATA_DIR === undefined) {
      problems.push(
        '  DATA_DIR: needed in production without DATABASE_URL: the folder the embedded database lives in (e.g. /var/lib/kds), so you know what to back up',
      );
    }
    if (!env.PUBLIC_URL) {
      problems.push('  PUBLIC_URL: needed in production: the https address guests and staff reach');
    }
  }
  if (env.DATABASE_REPLICA_URL && !env.DATABASE_URL) {
    problems.push(
      '  DATABASE_REPLICA_URL: a replica of what? Set DATABASE_URL to its primary (the embedded database has no replicas)',
    );
  }
  if (env.POSTCODE_API_URL && env.GEOCODER_URL) {
    problems.push(
      '  GEOCODER_URL: set it or POSTCODE_API_URL, not both: one service places addresses',
    );
  }
  if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
    problems.push('  STRIPE_WEBHOOK_SECRET: needed with STRIPE_SECRET_KEY');
  }
  if (problems.length) throw fail(problems);
  return {
    ...env,
    DATA_DIR: resolve(env.DATA_DIR),
    ...(env.BACKUP_DIR ? { BACKUP_DIR: resolve(env.BACKUP_DIR) } : {}),
    SEED_DEMO: env.SEED_DEMO ?? !production,
    COOKIE_SECURE: env.COOKIE_SECURE ?? production,
  };
}

/** What the `kds` command line reads besides the settings: where it was typed, a password. */
export function commandLineEnv(source: Record<string, string | undefined> = process.env) {
  return {
    /** pnpm runs root scripts from the repository root; paths are the operator's. */
    invokedFrom: source.INIT_CWD ?? process.cwd(),
    /** `kds setup --yes`: the owner's password, never on the command line (ps shows it). */
    ownerPassword: source.KDS_OWNER_PASSWORD,
  };
}
