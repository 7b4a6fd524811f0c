import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Principal } from './domain/context.ts';

/**
 * Per-client limits, held in this instance's memory (a client spread over several instances
 * gets the limit once per instance; docs/operations.md). Sign-in and pickup limits count
 * failures only, so a busy counter is never slowed while a guesser is; order placement counts
 * every call.
 */
export interface RateLimits {
  /** Wrong, expired or unknown pickup codes: 10 per client per 10 minutes. */
  pickupCode: RateLimiterMemory;
  /** Failed sign-ins from one address: 30 per 10 minutes (the account itself locks after 10). */
  login: RateLimiterMemory;
  /** Orders placed from one address: 60 a minute by default (a busy kiosk places a few). */
  placeOrder: RateLimiterMemory;
}

export function createRateLimits(options: { ordersPerMinute?: number } = {}): RateLimits {
  return {
    pickupCode: new RateLimiterMemory({ keyPrefix: 'pickup', points: 10, duration: 600 }),
    login: new RateLimiterMemory({ keyPrefix: 'login', points: 30, duration: 600 }),
    placeOrder: new RateLimiterMemory({
      keyPrefix: 'place',
      points: options.ordersPerMinute ?? 60,
      duration: 60,
    }),
  };
}

/** Who "a client" is: the signed-in staff member or paired screen, else the address. */
export function clientKey(principal: Principal | null, ip: string | undefined): string {
  if (principal?.kind === 'staff') return `staff:${principal.staffId}`;
  if (principal?.kind === 'device') return `device:${principal.deviceId}`;
  return `ip:${ip ?? 'unknown'}`;
}
