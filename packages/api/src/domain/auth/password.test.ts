import { describe, expect, test } from 'vitest';
import { RateLimitedError } from '../errors.ts';
import { decoyHash, verifyPassword } from './password.ts';

describe('password checks', () => {
  test('a flood is refused at once beyond what the thread pool can hold, and the rest complete', async () => {
    const hashed = await decoyHash;
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, () =>
        verifyPassword(hashed, 'guess').then(
          (ok) => (ok ? 'right' : 'wrong'),
          (error: unknown) => (error instanceof RateLimitedError ? 'refused' : 'broken'),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'wrong')).toHaveLength(4 + 64);
    expect(outcomes.filter((o) => o === 'refused')).toHaveLength(100 - 68);
    // Once the flood has passed, checks run again.
    expect(await verifyPassword(hashed, 'decoy-password-for-unknown-accounts')).toBe(true);
  });
});
