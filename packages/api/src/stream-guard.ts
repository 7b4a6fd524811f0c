import type { Principal } from './domain/context.ts';
import { principalKey } from './domain/auth/index.ts';
import type { StopSignal } from './events/stream-events.ts';
import { addressKey } from './rate-limits.ts';

/** One open subscription's hold on its principal's allowance. */
export interface StreamLease {
  /** Aborted when the client leaves, or when its principal is revoked. */
  readonly signal: StopSignal;
  /** Whether the stream is ending because its principal was revoked (it ends UNAUTHORIZED). */
  readonly revoked: boolean;
  /** Gives the allowance back; safe to call more than once. */
  end(): void;
}

export interface StreamGuardOptions {
  /** Subscriptions one signed-in session or paired screen may hold open on this instance. */
  perPrincipal: number;
  /** Subscriptions the anonymous clients of one address (IPv6: one /64) may hold open. */
  perAddress: number;
  /** How often live principals are checked against the database (revocation within this). */
  recheckMs: number;
  /** The keys (`principalKey`) of those principals that are still exactly what they were. */
  stillValid(principals: Principal[]): Promise<Set<string>>;
  onError(error: unknown): void;
}

/**
 * The guards every stream passes, whatever carries it. Caps count per principal (or address),
 * not per connection object, so opening more sockets buys nothing. Revocation is checked for
 * every live principal in one round trip every `recheckMs`: a stream whose session ended, whose
 * membership was suspended or re-roled, or whose screen was unpaired is cut off, and so is the
 * WebSocket it came on (`watch`).
 */
export class StreamGuard {
  private readonly open = new Map<string, number>();
  private readonly watched = new Map<
    string,
    { principal: Principal; onRevoked: Set<() => void> }
  >();
  private readonly timer: NodeJS.Timeout;
  private checking = false;

  constructor(private readonly options: StreamGuardOptions) {
    this.timer = setInterval(() => void this.recheck(), options.recheckMs);
    this.timer.unref();
  }

  /** A lease for one subscription, or null once its principal (or address) has its allowance out. */
  lease(principal: Principal | null, ip: string | undefined, clientSignal?: AbortSignal) {
    const key = principal ? countKey(principal) : addressKey(ip);
    const max = principal ? this.options.perPrincipal : this.options.perAddress;
    const held = this.open.get(key) ?? 0;
    if (held >= max) return null;
    this.open.set(key, held + 1);
    // One signal for both ways a stream ends (the client leaves, or its principal is revoked).
    const stop = new LeaseSignal();
    let revoked = false;
    let ended = false;
    const unwatch = principal
      ? this.watch(principal, () => {
          revoked = true;
          stop.abort();
        })
      : () => {};
    const lease: StreamLease = {
      signal: stop,
      get revoked() {
        return revoked;
      },
      end: () => {
        if (ended) return;
        ended = true;
        unwatch();
        const left = (this.open.get(key) ?? 1) - 1;
        if (left > 0) this.open.set(key, left);
        else this.open.delete(key);
      },
    };
    const leave = () => {
      stop.abort();
      lease.end();
    };
    if (clientSignal?.aborted) leave();
    else clientSignal?.addEventListener('abort', leave, { once: true });
    return lease;
  }

  /** Calls `onRevoked` (once) when the principal stops being what it was; returns "stop watching". */
  watch(principal: Principal, onRevoked: () => void): () => void {
    const key = principalKey(principal);
    const entry = this.watched.get(key) ?? { principal, onRevoked: new Set() };
    entry.onRevoked.add(onRevoked);
    this.watched.set(key, entry);
    return () => {
      entry.onRevoked.delete(onRevoked);
      if (entry.onRevoked.size === 0 && this.watched.get(key) === entry) this.watched.delete(key);
    };
  }

  /** One check of every live principal. A failed check revokes nothing (a database blip must not blank every screen). */
  async recheck(): Promise<void> {
    if (this.checking || this.watched.size === 0) return;
    this.checking = true;
    try {
      const entries = [...this.watched];
      const valid = await this.options.stillValid(entries.map(([, e]) => e.principal));
      for (const [key, entry] of entries) {
        if (valid.has(key)) continue;
        this.watched.delete(key);
        for (const revoke of entry.onRevoked) revoke();
      }
    } catch (error) {
      this.options.onError(error);
    } finally {
      this.checking = false;
    }
  }

  /** Open subscriptions counted for this principal or address (tests, metrics). */
  held(principal: Principal | null, ip?: string): number {
    return this.open.get(principal ? countKey(principal) : addressKey(ip)) ?? 0;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/**
 * A lease's stop signal: what a stream needs of an AbortSignal (`aborted`, abort listeners) and
 * nothing more. An AbortController and its signal cost every open screen most of a kilobyte
 * (an event target with listener tables, and a hidden class of its own); this is one object
 * and a short array.
 */
class LeaseSignal implements StopSignal {
  aborted = false;
  #listeners: (() => void)[] = [];

  addEventListener(_type: 'abort', listener: () => void): void {
    if (!this.aborted) this.#listeners.push(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    const at = this.#listeners.indexOf(listener);
    if (at >= 0) this.#listeners.splice(at, 1);
  }

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    const listeners = this.#listeners;
    this.#listeners = [];
    for (const listener of listeners) listener();
  }
}

/** The allowance is per sign-in (each wall screen signs in on its own) or per paired screen. */
function countKey(p: Principal): string {
  if (p.kind === 'staff') return `session:${p.sessionId}`;
  return p.kind === 'device' ? `device:${p.deviceId}` : `api-key:${p.apiKeyId}`;
}
