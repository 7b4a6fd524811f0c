import { useEffect, useState } from 'react';

/**
 * The value once it has stopped changing for `ms`: what a typed address is checked with, so a
 * geocoder is asked about the address, not about every keystroke of it. Pass state (a stable
 * identity between changes), not an object made anew on each render.
 */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
