// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { useDebounced } from './use-debounced.ts';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useDebounced', () => {
  test('gives the value once it has stopped changing, not every keystroke', () => {
    vi.useFakeTimers();
    const { result, rerender } = renderHook(({ value }) => useDebounced(value, 600), {
      initialProps: { value: '1 Main' },
    });
    for (const typed of ['1 Main S', '1 Main St', '1 Main St,']) {
      rerender({ value: typed });
      act(() => void vi.advanceTimersByTime(300));
      expect(result.current).toBe('1 Main');
    }
    act(() => void vi.advanceTimersByTime(600));
    expect(result.current).toBe('1 Main St,');
  });
});
