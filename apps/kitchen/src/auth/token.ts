import { useSyncExternalStore } from 'react';

const KEY = 'kds.kitchen.token';
const listeners = new Set<() => void>();

/** The screen's bearer token (a staff session or a paired device), kept across reloads. */
export const tokenStore = {
  get: (): string | null => localStorage.getItem(KEY),
  set(token: string | null) {
    if (token) localStorage.setItem(KEY, token);
    else localStorage.removeItem(KEY);
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
};

export const useToken = () => useSyncExternalStore(tokenStore.subscribe, tokenStore.get);
