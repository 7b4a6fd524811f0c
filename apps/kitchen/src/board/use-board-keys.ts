import { useEffect, useRef } from 'react';
import { actionFor, KEYMAPS } from '../screen/keymap.ts';
import { useKeymapName } from '../screen/settings.ts';
import type { Ticket } from './types.ts';
import type { Panel } from './use-board-ui.ts';

export interface BoardKeyHandlers {
  visible: Ticket[];
  selected: Ticket | null;
  select(orderId: string): void;
  page(delta: number): void;
  bump(ticket: Ticket): void;
  rush(ticket: Ticket): void;
  recallLast(): void;
  undo(): void;
  panel: Panel;
  setPanel(panel: Panel): void;
}

/** Every board action from a keyboard or bump bar, through the chosen key map. */
export function useBoardKeys(handlers: BoardKeyHandlers): void {
  const keymap = KEYMAPS[useKeymapName()];
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select')) return;
      const action = actionFor(keymap.keys, event.key);
      if (!action) return;
      const h = latest.current;
      // With a panel open, only closing it and its own keys apply.
      if (h.panel && action !== 'close' && action !== 'help' && action !== 'allDay') return;
      event.preventDefault();
      const index = h.selected ? h.visible.indexOf(h.selected) : -1;
      const go = (i: number) => {
        const ticket = h.visible[i];
        if (ticket) h.select(ticket.orderId);
      };
      if (action.startsWith('select')) return go(Number(action.slice(6)) - 1);
      switch (action) {
        case 'next':
          return go(Math.min(h.visible.length - 1, index + 1));
        case 'previous':
          return go(Math.max(0, index - 1));
        case 'bump':
          return h.selected ? h.bump(h.selected) : undefined;
        case 'rush':
          return h.selected ? h.rush(h.selected) : undefined;
        case 'recall':
          return h.recallLast();
        case 'undo':
          return h.undo();
        case 'pageNext':
          return h.page(1);
        case 'pagePrevious':
          return h.page(-1);
        case 'allDay':
          return h.setPanel(h.panel === 'allDay' ? null : 'allDay');
        case 'help':
          return h.setPanel(h.panel === 'help' ? null : 'help');
        case 'close':
          return h.setPanel(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keymap]);
}
