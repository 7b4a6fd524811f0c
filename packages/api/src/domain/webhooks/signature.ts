import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * `KDS-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, the scheme Stripe
 * uses: the timestamp is signed with the body, so a captured request cannot be replayed later.
 */
export function signWebhook(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

/** What an integrator does with the header: a reference for docs and tests. */
export function verifyWebhookSignature(
  secret: string,
  header: string,
  body: string,
  now: Date,
  toleranceSeconds = 300,
): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2)));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, body, new Date(t * 1000)).split('v1=')[1] ?? '');
  const given = Buffer.from(String(parts.v1 ?? ''));
  return expected.length === given.length && timingSafeEqual(expected, given);
}
