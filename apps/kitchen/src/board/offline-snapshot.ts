import { tokenStore } from '../auth/token.ts';

/**
 * The last configuration and tickets this screen drew, kept on the device, so a reload while
 * the network is down shows them (under the Offline banner) instead of nothing. They belong to
 * the signed-in screen: another token never sees them. Events replayed over an older snapshot
 * change nothing (the board ignores events at or below its cursor), so a stale copy is safe.
 */
const KEY = 'kds.kitchen.snapshot';
type Part = 'config' | 'tickets';
type Stored = { owner: string; config?: unknown; tickets?: unknown };

const owner = () => (tokenStore.get() ?? '').slice(-16);

function read(): Stored | null {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Stored | null;
    return stored && stored.owner === owner() ? stored : null;
  } catch {
    return null;
  }
}

export function cachedSnapshot<T>(part: Part): T | undefined {
  return read()?.[part] as T | undefined;
}

function write(part: Part, data: unknown) {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...read(), owner: owner(), [part]: data }));
  } catch {
    // Storage full or unavailable: the screen still works, only not across an offline reload.
  }
}

const cooling = new Map<Part, { latest: unknown } | null>();

/**
 * Saves at once, then at most once a second per part while it keeps changing (a busy rail
 * changes many times a second): the last version is always the one kept.
 */
export function keepSnapshot(part: Part, data: unknown) {
  if (cooling.has(part)) return void cooling.set(part, { latest: data });
  write(part, data);
  cooling.set(part, null);
  const cool = () => {
    const pending = cooling.get(part);
    if (!pending) return void cooling.delete(part);
    write(part, pending.latest);
    cooling.set(part, null);
    setTimeout(cool, 1_000);
  };
  setTimeout(cool, 1_000);
}
