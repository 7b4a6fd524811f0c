import { useCallback, useEffect, useRef, useState } from 'react';

/** Tickets that just changed flash for two seconds, so a cook's eye goes to them. */
export function useFlash() {
  const [flashing, setFlashing] = useState<ReadonlySet<string>>(new Set());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  useEffect(() => () => timers.current.forEach(clearTimeout), []);
  const flash = useCallback((orderId: string) => {
    clearTimeout(timers.current.get(orderId));
    setFlashing((s) => new Set(s).add(orderId));
    timers.current.set(
      orderId,
      setTimeout(() => {
        setFlashing((s) => {
          const next = new Set(s);
          next.delete(orderId);
          return next;
        });
      }, 2_000),
    );
  }, []);
  return { flashing, flash };
}

export type Panel =
  'allDay' | 'recall' | 'eightySix' | 'pacing' | 'print' | 'newOrder' | 'help' | null;
