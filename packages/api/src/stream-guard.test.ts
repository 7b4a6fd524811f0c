import { describe, expect, test, vi } from 'vitest';
import type { Principal } from './domain/context.ts';
import { principalKey } from './domain/auth/resolve-principal.ts';
import { StreamGuard } from './stream-guard.ts';

const screen: Principal = { kind: 'device', deviceId: 'd1', storeId: 's1', stationId: null };

function guard(stillValid: (p: Principal[]) => Promise<Set<string>>) {
  return new StreamGuard({
    perPrincipal: 2,
    perAddress: 3,
    recheckMs: 60_000,
    stillValid,
    onError: () => {},
  });
}

describe('StreamGuard', () => {
  test('counts per principal across connections, and an ended stream frees its place', () => {
    const g = guard(async () => new Set());
    const first = g.lease(screen, '10.0.0.1');
    const second = g.lease(screen, '10.0.0.2');
    expect(g.lease(screen, '10.0.0.3')).toBeNull();
    first?.end();
    first?.end(); // twice is harmless
    expect(g.held(screen)).toBe(1);
    expect(g.lease(screen, '10.0.0.1')).not.toBeNull();
    second?.end();
    g.stop();
  });

  test('guests count per address, an IPv6 /64 being one address', () => {
    const g = guard(async () => new Set());
    for (const ip of ['2001:db8::1', '2001:db8::2', '2001:db8::3']) {
      expect(g.lease(null, ip)).not.toBeNull();
    }
    expect(g.lease(null, '2001:db8::ffff')).toBeNull();
    expect(g.lease(null, '2001:db8:0:1::1')).not.toBeNull();
    g.stop();
  });

  test('a revoked principal ends its streams; a failed check revokes nothing', async () => {
    let check: () => Promise<Set<string>> = async () => {
      throw new Error('database away');
    };
    const g = guard(() => check());
    const lease = g.lease(screen, '10.0.0.1');
    const closed = vi.fn();
    g.watch(screen, closed);
    await g.recheck();
    expect(lease?.revoked).toBe(false);
    check = async () => new Set([principalKey(screen)]);
    await g.recheck();
    expect(lease?.signal.aborted).toBe(false);
    check = async () => new Set();
    await g.recheck();
    expect(lease?.revoked).toBe(true);
    expect(lease?.signal.aborted).toBe(true);
    expect(closed).toHaveBeenCalledOnce();
    g.stop();
  });

  test('the client leaving gives the place back and stops watching', async () => {
    const g = guard(async () => new Set());
    const leaving = new AbortController();
    const lease = g.lease(screen, '10.0.0.1', leaving.signal);
    leaving.abort();
    expect(lease?.signal.aborted).toBe(true);
    expect(lease?.revoked).toBe(false);
    expect(g.held(screen)).toBe(0);
    // A client gone before its lease was handed out ends it at once.
    const gone = new AbortController();
    gone.abort();
    const late = g.lease(screen, '10.0.0.1', gone.signal);
    expect(late?.signal.aborted).toBe(true);
    expect(g.held(screen)).toBe(0);
    g.stop();
  });

  test("a lease's signal calls each abort listener once, and not one removed before", () => {
    const g = guard(async () => new Set());
    const leaving = new AbortController();
    const lease = g.lease(screen, '10.0.0.1', leaving.signal);
    const [kept, removed] = [vi.fn(), vi.fn()];
    lease?.signal.addEventListener('abort', kept, { once: true });
    lease?.signal.addEventListener('abort', removed, { once: true });
    lease?.signal.removeEventListener('abort', removed);
    leaving.abort();
    lease?.end();
    expect(kept).toHaveBeenCalledOnce();
    expect(removed).not.toHaveBeenCalled();
    g.stop();
  });
});
