import { useSyncExternalStore } from 'react';

const KEY = 'kds.kitchen.keymap';
const listeners = new Set<() => void>();

/** The key map this screen uses (a preset name), kept per screen. */
export const keymapSetting = {
  get: () => localStorage.getItem(KEY) ?? 'keyboard',
  set(name: string) {
    localStorage.setItem(KEY, name);
    for (const l of listeners) l();
  },
  subscribe(l: () => void) {
    listeners.add(l);
    return () => void listeners.delete(l);
  },
};

export const useKeymapName = () => useSyncExternalStore(keymapSetting.subscribe, keymapSetting.get);
