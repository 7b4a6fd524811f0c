import { useCallback, useEffect, useRef, useState } from 'react';

/** Tickets per page from the screen size: columns of ~380 px, two rows on a tall screen. */
export function usePageSize(): number {
  const measure = () => {
    const columns = Math.min(6, Math.max(1, Math.floor(window.innerWidth / 380)));
    const rows = window.innerHeight >= 900 ? 2 : 1;
    return columns * rows;
  };
  const [size, setSize] = useState(measure);
  useEffect(() => {
    const onResize = () => setSize(measure());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}

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

export type Panel = 'allDay' | 'recall' | 'eightySix' | 'help' | null;
