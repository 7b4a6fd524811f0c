import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * An order's 6-digit pickup code is derived from the order id with a server secret (the
 * pepper): the tracker can show it without it being stored, and only an HMAC of it is kept for
 * checking. Without the pepper, neither the database nor the logs give the code away.
 */
export function pickupCodeFor(pepper: string, orderId: string): string {
  const digest = createHmac('sha256', pepper).update(`pickup:${orderId}`).digest();
  return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

export function pickupCodeHash(pepper: string, orderId: string, code: string): string {
  return createHmac('sha256', pepper).update(`check:${orderId}:${code}`).digest('hex');
}

export function pickupCodeMatches(
  pepper: string,
  orderId: string,
  stored: string,
  given: string,
): boolean {
  const a = Buffer.from(pickupCodeHash(pepper, orderId, given.trim()), 'hex');
  const b = Buffer.from(stored, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Wrong codes an order takes before it locks. */
export const MAX_PICKUP_ATTEMPTS = 5;
