import { rateLimits, type Database } from '@kds/db';
import { lt } from 'drizzle-orm';
import ipaddr from 'ipaddr.js';
import { RateLimiterDrizzle, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Principal } from './domain/context.ts';

/**
 * Per-client limits, counted in the database (rate-limiter-flexible's Drizzle store, one atomic
 * upsert per call), so every instance behind a load balancer spends from the same allowance.
 * The "failures" limits spend a point before the call and give it back when the call succeeds
 * (see `limitFailures` in trpc.ts): calls sent side by side cannot all pass before one is
 * counted, and a busy counter is never slowed while a guesser is. docs/security.md lists them.
 */
export interface RateLimits {
  /** Failed sign-ins from one address: 30 per 10 minutes (an account also locks after 10). */
  login: RateLimiterAbstract;
  /** Failed screen pairings from one address: 10 per 10 minutes (codes have 8 characters). */
  pair: RateLimiterAbstract;
  /** Wrong, expired or unknown pickup codes: 10 per client per 10 minutes. */
  pickupCode: RateLimiterAbstract;
  /** Dead or forged invitation links from one address: 10 per 10 minutes. */
  invitation: RateLimiterAbstract;
  /** Orders placed from one address: 60 a minute by default (a busy kiosk places a few). */
  placeOrder: RateLimiterAbstract;
  /** Test messages one manager sends from the Services card: 10 an hour. */
  testMessage: RateLimiterAbstract;
  /** Wrong first-run setup codes from one address: 10 per 10 minutes (codes have 12 characters). */
  setup: RateLimiterAbstract;
  /** Invitations one manager sends: 50 a day. */
  invite: RateLimiterAbstract;
  /** Reprints and receipts one screen or person asks for: 60 per 10 minutes (a paper roll). */
  paper: RateLimiterAbstract;
  /** Discount codes that do not exist, tried from one client: 20 per 10 minutes. */
  discountCode: RateLimiterAbstract;
  /** Calls of the integration API with one key: 600 a minute. */
  apiCalls: RateLimiterAbstract;
}

export function createRateLimits(
  db: Database,
  options: { ordersPerMinute?: number } = {},
): RateLimits {
  const limiter = (keyPrefix: string, points: number, duration: number) =>
    new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      keyPrefix,
      points,
      duration,
      // Expired rows are pruned by the server's jobs (pruneRateLimits), not by a timer per limiter.
      clearExpiredByTimeout: false,
    });
  return {
    login: limiter('login', 30, 600),
    pair: limiter('pair', 10, 600),
    pickupCode: limiter('pickup', 10, 600),
    invitation: limiter('invitation', 10, 600),
    placeOrder: limiter('place', options.ordersPerMinute ?? 60, 60),
    invite: limiter('invite', 50, 86_400),
    setup: limiter('setup', 10, 600),
    testMessage: limiter('test-message', 10, 3600),
    paper: limiter('paper', 60, 600),
    discountCode: limiter('discount-code', 20, 600),
    apiCalls: limiter('api-calls', 600, 60),
  };
}

/**
 * Where a request comes from, as limits count it: an IPv4 address, or the /64 network of an
 * IPv6 one (one subscriber line holds a whole /64, so single addresses cost nothing to change).
 * IPv4 addresses written as IPv6 (`::ffff:1.2.3.4`) count as themselves.
 */
export function addressKey(ip: string | undefined): string {
  if (!ip || !ipaddr.isValid(ip)) return 'ip:unknown';
  const address = ipaddr.process(ip);
  if (address.kind() === 'ipv4') return `ip:${address.toString()}`;
  const parts = (address as ipaddr.IPv6).parts.slice(0, 4);
  return `ip:${parts.map((p) => p.toString(16)).join(':')}::/64`;
}

/** Who "a client" is: the signed-in staff member, paired screen or API key, else its address. */
export function clientKey(principal: Principal | null, ip: string | undefined): string {
  if (principal?.kind === 'staff') return `staff:${principal.staffId}`;
  if (principal?.kind === 'device') return `device:${principal.deviceId}`;
  if (principal?.kind === 'apiKey') return `api-key:${principal.apiKeyId}`;
  return addressKey(ip);
}

/** Forgets counters whose window has passed (run every few minutes by the server's jobs). */
export async function pruneRateLimits(db: Database, now: Date): Promise<number> {
  const gone = await db
    .delete(rateLimits)
    .where(lt(rateLimits.expire, now))
    .returning({ key: rateLimits.key });
  return gone.length;
}
