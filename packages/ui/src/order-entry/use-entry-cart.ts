import { useReducer } from 'react';
import { randomKey } from '../random-key.ts';
import type { ItemChoice } from './item-sheet.tsx';

export interface EntryLine extends ItemChoice {
  /** Same item, choices and note: one line with more quantity. */
  key: string;
  menuItemId: string;
  name: string;
}

interface EntryCart {
  lines: EntryLine[];
  /** One per attempt: a double tap or a retry makes one order; any change makes a new key. */
  idempotencyKey: string;
}

type Action =
  | { type: 'add'; line: Omit<EntryLine, 'key'> }
  | { type: 'quantity'; key: string; quantity: number }
  | { type: 'clear' };

const keyOf = (l: Omit<EntryLine, 'key'>) =>
  [l.menuItemId, [...l.modifierIds].sort().join('+'), l.notes].join('|');

function reduce(cart: EntryCart, action: Action): EntryCart {
  const idempotencyKey = randomKey();
  switch (action.type) {
    case 'add': {
      const key = keyOf(action.line);
      const existing = cart.lines.some((l) => l.key === key);
      const lines = existing
        ? cart.lines.map((l) =>
            l.key === key ? { ...l, quantity: Math.min(99, l.quantity + action.line.quantity) } : l,
          )
        : [...cart.lines, { ...action.line, key }];
      return { lines, idempotencyKey };
    }
    case 'quantity':
      return {
        lines: cart.lines
          .map((l) =>
            l.key === action.key ? { ...l, quantity: Math.min(99, action.quantity) } : l,
          )
          .filter((l) => l.quantity > 0),
        idempotencyKey,
      };
    case 'clear':
      return { lines: [], idempotencyKey };
  }
}

/** The order being keyed in, held by the screen (not saved: staff finish it or start over). */
export function useEntryCart() {
  const [cart, dispatch] = useReducer(reduce, undefined, () => ({
    lines: [],
    idempotencyKey: randomKey(),
  }));
  return {
    ...cart,
    add: (line: Omit<EntryLine, 'key'>) => dispatch({ type: 'add', line }),
    setQuantity: (key: string, quantity: number) => dispatch({ type: 'quantity', key, quantity }),
    clear: () => dispatch({ type: 'clear' }),
  };
}

export type UseEntryCart = ReturnType<typeof useEntryCart>;
