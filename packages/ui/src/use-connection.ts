import { useEffect, useState } from 'react';
import type { KdsClients } from './client.ts';

export type LinkState = 'live' | 'connecting' | 'offline';

export interface Connection {
  state: LinkState;
  /** When the current state began (ms, local clock). */
  since: number;
}

/**
 * The WebSocket's real state: `live` only while the socket is open; `offline` when the
 * browser says so or the socket has failed; `connecting` in between.
 */
export function useConnection(wsClient: KdsClients['wsClient']): Connection {
  const [connection, setConnection] = useState<Connection>({
    state: 'connecting',
    since: Date.now(),
  });
  useEffect(() => {
    let socket: 'idle' | 'connecting' | 'pending' = 'connecting';
    let failed = false;
    const update = () => {
      const state: LinkState =
        socket === 'pending' && navigator.onLine
          ? 'live'
          : !navigator.onLine || failed
            ? 'offline'
            : 'connecting';
      setConnection((c) => (c.state === state ? c : { state, since: Date.now() }));
    };
    const sub = wsClient.connectionState.subscribe({
      next: (s) => {
        socket = s.state;
        failed = s.state === 'connecting' && s.error !== null;
        update();
      },
    });
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      sub.unsubscribe();
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, [wsClient]);
  return connection;
}

/** Re-renders every `ms`: for timers and "for 0:42" labels. */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}
