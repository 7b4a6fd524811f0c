import { expect, test } from 'vitest';
import { pickupCodeFor, pickupCodeHash, pickupCodeMatches } from './pickup-code.ts';

const pepper = 'a-server-secret-of-enough-length';
const order = '2f1f0c5e-1111-4222-8333-944455556666';

test('a pickup code is six digits, stable for an order, different per order and pepper', () => {
  const code = pickupCodeFor(pepper, order);
  expect(code).toMatch(/^\d{6}$/);
  expect(pickupCodeFor(pepper, order)).toBe(code);
  expect(pickupCodeFor(pepper, crypto.randomUUID())).not.toBe(code);
  expect(pickupCodeFor('another-secret', order)).not.toBe(code);
});

test('only the right code matches the stored hash, which does not contain the code', () => {
  const code = pickupCodeFor(pepper, order);
  const stored = pickupCodeHash(pepper, order, code);
  expect(stored).not.toContain(code);
  expect(pickupCodeMatches(pepper, order, stored, code)).toBe(true);
  expect(pickupCodeMatches(pepper, order, stored, ` ${code} `)).toBe(true);
  expect(pickupCodeMatches(pepper, order, stored, '000000' === code ? '111111' : '000000')).toBe(
    false,
  );
});
