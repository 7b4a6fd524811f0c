import { useCallback, useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import type { Ticket } from './types.ts';

/** Columns of at least ~360 px, at most six. */
const columnsFor = (width: number) => Math.min(6, Math.max(1, Math.floor(width / 360)));
/** Short tickets stack several to a column: lay out enough to fill every column. */
const CANDIDATES_PER_COLUMN = 4;

/**
 * Pages of tickets that fit the screen whole. Tickets flow down columns in fire order (the
 * classic KDS layout: short tickets stack, a long one starts a new column); the cards are laid
 * out, measured, and the first card outside the screen (with every card after it) moves to the
 * next page, so a ticket is never half on screen. Pages are remembered by their first index.
 */
export function usePaging<T extends Pick<Ticket, 'orderId' | 'version'>>(
  rail: T[],
  grid: RefObject<HTMLElement | null>,
) {
  const [starts, setStarts] = useState<number[]>([0]);
  const [fit, setFit] = useState<number>(Infinity);
  const [columns, setColumns] = useState(() => columnsFor(window.innerWidth));
  const candidates = columns * CANDIDATES_PER_COLUMN;
  const start = Math.min(starts[starts.length - 1] ?? 0, Math.max(0, rail.length - 1));
  const laidOut = rail.slice(start, start + candidates);
  const visible = laidOut.slice(0, Math.max(1, fit));

  useEffect(() => {
    const onResize = () => {
      setColumns(columnsFor(window.innerWidth));
      setFit(Infinity);
    };
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  // Re-measure whenever what is laid out changes (tickets, their contents, the page).
  const layoutKey = laidOut.map((t) => `${t.orderId}:${t.version}`).join(',');
  useLayoutEffect(() => setFit(Infinity), [layoutKey, start, columns]);
  useLayoutEffect(() => {
    const container = grid.current;
    if (!container || fit !== Infinity) return;
    const box = container.getBoundingClientRect();
    const cards = [...container.querySelectorAll<HTMLElement>(':scope > article')];
    const firstCut = cards.findIndex((card) => {
      const r = card.getBoundingClientRect();
      return r.right > box.right + 1 || r.bottom > box.bottom + 1;
    });
    setFit(firstCut === -1 ? cards.length : Math.max(1, firstCut));
  });

  const next = useCallback(() => {
    if (start + visible.length < rail.length) setStarts((s) => [...s, start + visible.length]);
  }, [start, visible.length, rail.length]);
  const previous = useCallback(() => setStarts((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);

  return {
    visible,
    columns,
    measuring: fit === Infinity,
    pageNumber: starts.length,
    hasPrevious: starts.length > 1,
    /** Cards on later pages. */
    remaining: Math.max(0, rail.length - start - visible.length),
    later: rail.slice(start + visible.length),
    next,
    previous,
  };
}
