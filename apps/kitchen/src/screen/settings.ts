import { useSyncExternalStore } from 'react';
import { KEYMAPS, type KeymapName } from './keymap.ts';

const KEY = 'kds.kitchen.keymap';
const listeners = new Set<() => void>();

/** The key map this screen uses (a preset name), kept per screen. */
export const keymapSetting = {
  get(): KeymapName {
    const kept = localStorage.getItem(KEY);
    return kept !== null && kept in KEYMAPS ? (kept as KeymapName) : 'keyboard';
  },
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
