import type { DbHandle } from '@kds/db';
import { EVENTS_CHANNEL } from './append-events.ts';

/**
 * Wakes the other instances after commit: the newest seq of each store this instance committed
 * to, in one `NOTIFY` statement per flush, outside any order's transaction. A transaction that
 * notifies takes a cluster-wide lock at commit and holds it through the WAL flush, so notifying
 * inside it would serialize every commit (docs/decisions/0001). Pairs that arrive while a flush
 * is on its way go out together in the next one. A wake-up that is never sent (the process dies
 * between commit and flush, the statement fails) costs the other instances latency until their
 * safety poll reads the log, never an event.
 */
export class EventNotifier {
  readonly #pending = new Map<string, number>();
  #flushing: Promise<void> | null = null;

  constructor(
    private readonly send: (pairs: string[]) => Promise<void>,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** `seq` of `storeId` is committed; other instances will hear of it (or of a later one). */
  notify(storeId: string, seq: number): void {
    if ((this.#pending.get(storeId) ?? 0) < seq) this.#pending.set(storeId, seq);
    this.#flushing ??= this.#flush();
  }

  /**
   * Resolves once every wake-up asked for so far has been sent (or has failed), or after
   * `withinMs` (shutting down must not wait on a database that does not answer).
   */
  async drain(withinMs = 2_000): Promise<void> {
    const deadline = Date.now() + withinMs;
    while (this.#flushing && Date.now() < deadline) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, deadline - Date.now());
      });
      await Promise.race([this.#flushing, timeout]);
      clearTimeout(timer);
    }
  }

  async #flush(): Promise<void> {
    // Let the commits finishing in this turn of the event loop join the first statement.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.#pending.size > 0) {
      const pairs = [...this.#pending].map(([storeId, seq]) => `${storeId}:${seq}`);
      this.#pending.clear();
      await this.send(pairs).catch(this.onError);
    }
    this.#flushing = null;
  }
}

/** The notifier of one instance, on the database handle's own NOTIFY connection. */
export function createNotifier(
  handle: Pick<DbHandle, 'notify'>,
  onError?: (error: unknown) => void,
): EventNotifier {
  return new EventNotifier((pairs) => handle.notify(EVENTS_CHANNEL, pairs), onError);
}
