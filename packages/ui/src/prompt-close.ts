type Listener = ((event: unknown) => void) | { handleEvent(event: unknown): void };

interface EventTargetSocket {
  readonly readyState: number;
  close(code?: number, reason?: string): void;
  addEventListener(type: string, listener: Listener, options?: unknown): void;
  removeEventListener(type: string, listener: Listener, options?: unknown): void;
}

const CLOSED = 3;

/**
 * A WebSocket class whose `close()` is final within `graceMs`. tRPC's keep-alive closes a
 * socket whose pings go unanswered, but a close on a dead link waits for a closing handshake
 * that never comes (30 s in Node's `ws`, 60 s in Chromium), and only then does the client
 * reconnect: a kitchen screen would sit silently behind all that time. After `graceMs` without
 * the real close, the socket is abandoned: its listeners get a close event (code 4408) at once,
 * and nothing more from it, so the client reconnects and resumes from its last event.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeScript's rule for mixins
export function promptClosing<T extends new (...args: any[]) => EventTargetSocket>(
  Base: T,
  graceMs = 1_000,
): T {
  return class PromptClosing extends Base {
    #abandoned = false;
    #wrapped = new Map<Listener, Listener>();
    #closeListeners = new Set<Listener>();

    override addEventListener(type: string, listener: Listener, options?: unknown) {
      const wrapped = (event: unknown) => {
        if (!this.#abandoned) deliver(this, listener, event);
      };
      this.#wrapped.set(listener, wrapped);
      if (type === 'close') this.#closeListeners.add(listener);
      super.addEventListener(type, wrapped, options);
    }

    override removeEventListener(type: string, listener: Listener, options?: unknown) {
      super.removeEventListener(type, this.#wrapped.get(listener) ?? listener, options);
      this.#wrapped.delete(listener);
      this.#closeListeners.delete(listener);
    }

    override close(code?: number, reason?: string) {
      super.close(code, reason);
      setTimeout(() => {
        if (this.readyState === CLOSED || this.#abandoned) return;
        this.#abandoned = true;
        const event = {
          type: 'close',
          code: 4408,
          reason: 'the link stopped answering',
          wasClean: false,
          target: this,
        };
        for (const listener of this.#closeListeners) deliver(this, listener, event);
      }, graceMs);
    }
  };
}

/** Calls a listener as the socket would: `this` is the socket (tRPC's client relies on it). */
function deliver(socket: object, listener: Listener, event: unknown) {
  if (typeof listener === 'function') listener.call(socket, event);
  else listener.handleEvent(event);
}
