import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** `.data/` at the repository root, wherever the server is started from. */
const defaultDataDir = fileURLToPath(new URL('../../../.data', import.meta.url));

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** PostgreSQL; without it the server runs on embedded PGlite in DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATA_DIR: z.string().min(1).default(defaultDataDir),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Seed the demo store on an empty database. Off by default in production. */
  SEED_DEMO: flag.optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 90)
    .default(12),
  /** Set behind HTTPS so the session cookie is Secure. */
  COOKIE_SECURE: flag.default(false),
  /** Where guests reach this server, for payment return URLs. Default http://localhost:PORT. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Secret that pickup codes are derived with (32+ characters); required in production. */
  PICKUP_CODE_PEPPER: z.string().min(32).optional(),
  /** Stripe; without a secret key, a simulated checkout stands in. */
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
  /** A postcodes.io-style service for delivery addresses; without it, no delivery. */
  POSTCODE_API_URL: z.url({ protocol: /^https?$/ }).optional(),
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

export type Env = z.infer<typeof EnvSchema> & { SEED_DEMO: boolean };

export class EnvError extends Error {}

/** Parses the environment; a bad value stops the start with a message naming the variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) =>
        `  ${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(source[String(issue.path[0])])})`,
    );
    throw new EnvError(`invalid environment:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  if (env.NODE_ENV === 'production' && !env.PICKUP_CODE_PEPPER) {
    throw new EnvError(
      'invalid environment:\n  PICKUP_CODE_PEPPER: needed in production (32+ characters)',
    );
  }
  if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
    throw new EnvError(
      'invalid environment:\n  STRIPE_WEBHOOK_SECRET: needed with STRIPE_SECRET_KEY',
    );
  }
  return {
    ...env,
    DATA_DIR: resolve(env.DATA_DIR),
    SEED_DEMO: env.SEED_DEMO ?? env.NODE_ENV !== 'production',
  };
}
