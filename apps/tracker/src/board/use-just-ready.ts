import { useCallback, useEffect, useRef, useState } from 'react';

/** How long a number that just turned Ready glows on the board. */
export const GLOW_MS = 20_000;

/** Numbers that turned Ready in the last GLOW_MS, for the board to make them stand out. */
export function useJustReady() {
  const [justReady, setJustReady] = useState<ReadonlySet<number>>(new Set());
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);
  const markReady = useCallback((number: number) => {
    clearTimeout(timers.current.get(number));
    setJustReady((now) => new Set(now).add(number));
    timers.current.set(
      number,
      setTimeout(() => {
        timers.current.delete(number);
        setJustReady((now) => {
          const next = new Set(now);
          next.delete(number);
          return next;
        });
      }, GLOW_MS),
    );
  }, []);
  return { justReady, markReady };
}
