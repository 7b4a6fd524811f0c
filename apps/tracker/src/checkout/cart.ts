import { useSyncExternalStore } from 'react';
import { randomKey } from '@kds/ui';

export interface CartLine {
  /** Same item with the same choices and notes: one line, more quantity. */
  key: string;
  menuItemId: string;
  name: string;
  quantity: number;
  modifierIds: string[];
  modifierNames: string[];
  notes: string;
  /** For display while browsing only; checkout shows the server's prices. */
  unitPriceCents: number;
}

export interface Cart {
  lines: CartLine[];
  /**
   * One key per checkout attempt: a double tap or a retry after a network error sends the
   * same key and makes one order. A new key is made whenever the cart changes.
   */
  idempotencyKey: string;
}

const listeners = new Set<() => void>();
const storageKey = (storeSlug: string) => `kds.cart.${storeSlug}`;
const empty = (): Cart => ({ lines: [], idempotencyKey: randomKey() });
const cache = new Map<string, { raw: string | null; cart: Cart }>();

export function readCart(storeSlug: string): Cart {
  const raw = localStorage.getItem(storageKey(storeSlug));
  const cached = cache.get(storeSlug);
  if (cached && cached.raw === raw) return cached.cart;
  let cart = empty();
  try {
    if (raw) cart = JSON.parse(raw) as Cart;
  } catch {
    cart = empty();
  }
  cache.set(storeSlug, { raw, cart });
  return cart;
}

function write(storeSlug: string, cart: Cart) {
  localStorage.setItem(storageKey(storeSlug), JSON.stringify(cart));
  for (const l of listeners) l();
}

export const lineKey = (l: Pick<CartLine, 'menuItemId' | 'modifierIds' | 'notes'>) =>
  [l.menuItemId, [...l.modifierIds].sort().join('+'), l.notes.trim()].join('|');

export const cartActions = (storeSlug: string) => ({
  add(line: Omit<CartLine, 'key'>) {
    const cart = readCart(storeSlug);
    const key = lineKey(line);
    const existing = cart.lines.find((l) => l.key === key);
    const lines = existing
      ? cart.lines.map((l) =>
          l.key === key ? { ...l, quantity: Math.min(99, l.quantity + line.quantity) } : l,
        )
      : [...cart.lines, { ...line, key }];
    write(storeSlug, { lines, idempotencyKey: randomKey() });
  },
  setQuantity(key: string, quantity: number) {
    const cart = readCart(storeSlug);
    const lines = cart.lines
      .map((l) => (l.key === key ? { ...l, quantity: Math.min(99, quantity) } : l))
      .filter((l) => l.quantity > 0);
    write(storeSlug, { lines, idempotencyKey: randomKey() });
  },
  clear: () => write(storeSlug, empty()),
});

export function useCart(storeSlug: string): Cart {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    () => readCart(storeSlug),
  );
}

export const cartCount = (cart: Cart) => cart.lines.reduce((n, l) => n + l.quantity, 0);
