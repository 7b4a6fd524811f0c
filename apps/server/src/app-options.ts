import type {
  CallTransport,
  DomainConfig,
  Geocoder,
  MailTransport,
  PrinterTransport,
  SmsTransport,
  StripeGateway,
} from '@kds/api';
import type { DbHandle, ReadReplica } from '@kds/db';
import type { StaticApp } from './static-apps.ts';

/** What `buildApp` is given: main.ts reads it from the environment (env.ts), tests set it. */
export interface AppOptions {
  handle: DbHandle;
  /** Log level (or false for none); `stream` captures the log lines (tests). */
  logger?: false | { level: string; stream?: { write(line: string): void } };
  /** Production: Secure cookies, HSTS, https-only webhooks, and nothing simulated by default. */
  production?: boolean;
  bodyLimitBytes?: number;
  /** Mark the session cookie Secure (default: in production). */
  cookieSecure?: boolean;
  domain?: Partial<DomainConfig>;
  /** Keep-alive: a ping every `pingMs`, the link is dead after `pongWaitMs` without a pong. */
  keepAlive?: { pingMs: number; pongWaitMs: number };
  /**
   * Stripe; by default the simulated checkout, except in production, where the default is no
   * online payment at all (main.ts opts into the simulation only when told to).
   */
  stripe?: StripeGateway | null;
  /** Texts to guests (Twilio); by default they are recorded in the outbox only. */
  sms?: SmsTransport;
  /** Calls to guests (Twilio); by default recorded in the outbox only. */
  calls?: CallTransport;
  /** Email (SMTP); by default recorded in the outbox only. */
  mail?: MailTransport;
  /** Twilio's auth token, to check its status callbacks; without it the route is not served. */
  twilioAuthToken?: string;
  /** Where guests reach this server: payment return URLs, links in messages. */
  publicUrl?: string;
  /** Other origins (a separate admin host, an integrator's page) allowed to call the API. */
  corsOrigins?: string[];
  /** Bearer token /metrics asks for; without it /metrics is open (keep it off the internet). */
  metricsToken?: string;
  /** Orders one address may place a minute (default 60). */
  ordersPerMinute?: number;
  /** WebSockets one client address may hold open (default 1,000); more are closed with 1013. */
  wsMaxConnectionsPerAddress?: number;
  /** A WebSocket with more unsent data than this is cut off (default 4 MiB); it resumes later. */
  wsMaxBufferedBytes?: number;
  /** Live subscriptions per signed-in session or paired screen (default 20). */
  subscriptionsPerPrincipal?: number;
  /** Live subscriptions of anonymous clients per address or IPv6 /64 (default 1,000). */
  subscriptionsPerAddress?: number;
  /**
   * Which proxies to believe about the client's address (X-Forwarded-For): `true` for any,
   * a number of hops, or addresses/CIDRs. Unset: the socket's peer address, headers ignored.
   */
  trustProxy?: boolean | number | string[];
  /** How often live streams and sockets are checked for a revoked identity (default 2 s). */
  revalidateMs?: number;
  /** Tries per outgoing message before it is marked failed (default 8). */
  outboxMaxAttempts?: number;
  /** Networks (CIDR) webhook endpoints may be on although private (a POS on the LAN). */
  webhookAllowedNetworks?: string[];
  /** How print jobs reach printers (raw TCP to port 9100 unless a test says otherwise). */
  printers?: PrinterTransport;
  /** Background jobs (payment expiry); tests that drive them by hand turn them off. */
  jobs?: boolean;
  /**
   * A streaming replica reports and exports read from while it is at most `maxLagSeconds`
   * behind (DATABASE_REPLICA_URL); without it they read the primary.
   */
  replica?: { handle: ReadReplica; maxLagSeconds: number };
  /** The postcode service for deliveries (POSTCODE_API_URL). */
  geocoder?: Geocoder | null;
  /** Built front ends to serve, e.g. the kitchen display at `/kitchen/`. */
  staticApps?: StaticApp[];
  /** Safety poll of the event log for stores with subscribers; 0 turns it off (tests). */
  eventPollMs?: number;
  now?: () => Date;
}
