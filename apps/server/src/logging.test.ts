import { describe, expect, test } from 'vitest';
import { safeError, safeUrl, scrubText } from './logging.ts';

describe('what the log may carry', () => {
  test('URLs lose their query string and the tokens in their path', () => {
    expect(safeUrl('/trpc/privacy.customerData?input=%7B%22phone%22%3A%22%2B1555%22%7D')).toBe(
      '/trpc/privacy.customerData',
    );
    expect(safeUrl('/track/q3H2YC45bazKKTOLhjgorQ?from=qr')).toBe('/track/[token]');
    expect(safeUrl('/pay/cs_sim_0123456789abcdef/pay')).toBe('/pay/[token]/pay');
  });

  test('emails, phone numbers, tokens and keys are masked in any text', () => {
    const text = scrubText(
      'to grace@example.org or +1 (555) 000-4242, token kds_s_AbCdEfGhIjKlMnOpQrStUv, key sk_live_abcdef123456',
    );
    expect(text).toBe('to [email] or [phone], token [token], key [secret]');
    expect(scrubText('Route GET:/nowhere?x=1 not found')).toBe('Route GET:/nowhere not found');
  });

  test("a database error keeps its message and stack, never the query's parameters", () => {
    const cause = Object.assign(new Error('invalid byte sequence'), {
      detail: 'Key (email)=(a@b.co)',
    });
    const error = Object.assign(
      new Error('Failed query: insert into "orders" values ($1, $2)\nparams: Ada,+15550004242', {
        cause,
      }),
      { params: ['Ada', '+15550004242'], code: '22021' },
    );
    const logged = JSON.stringify(safeError(error));
    expect(logged).toContain('Failed query: insert into \\"orders\\"');
    expect(logged).toContain('22021');
    expect(logged).not.toContain('15550004242');
    expect(logged).not.toContain('Ada');
    expect(logged).not.toContain('a@b.co');
  });
});
