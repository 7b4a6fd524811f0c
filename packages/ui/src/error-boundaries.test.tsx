import { createI18n } from '@kds/i18n';
import { setI18n } from 'react-i18next';
// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { PartBoundary, ScreenBoundary } from './error-boundaries.tsx';

// Components read their words through react-i18next: the English catalogue, as in the apps.
setI18n(createI18n('en'));

function Boom({ when = true, label = 'fine' }: { when?: boolean; label?: string }) {
  if (when) throw new Error('cannot draw this');
  return <span>{label}</span>;
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('error boundaries', () => {
  test('a screen that cannot render says so, and a wall screen starts again by itself', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.useFakeTimers();
    const reload = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload });
    render(
      <ScreenBoundary reloadAfterSeconds={3}>
        <Boom />
      </ScreenBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('starts again by itself in 3 s');
    for (let s = 0; s < 3; s++) act(() => void vi.advanceTimersByTime(1_000));
    expect(reload).toHaveBeenCalledOnce();
  });

  test('a page for a person offers the reload instead', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <ScreenBoundary>
        <Boom />
      </ScreenBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Reload the page to carry on');
    expect(screen.getByRole('button', { name: 'Reload now' })).toBeTruthy();
  });

  test('one part that cannot render shows its placeholder; the others stay; it retries on new data', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const part = (broken: boolean, version: number) => (
      <PartBoundary name="ticket" fallback={<p>placeholder</p>} resetKeys={[version]}>
        <Boom when={broken} label={`ticket v${version}`} />
      </PartBoundary>
    );
    const { rerender } = render(
      <>
        {part(true, 1)}
        <Boom when={false} label="the other ticket" />
      </>,
    );
    expect(screen.getByText('placeholder')).toBeTruthy();
    expect(screen.getByText('the other ticket')).toBeTruthy();
    rerender(
      <>
        {part(false, 2)}
        <Boom when={false} label="the other ticket" />
      </>,
    );
    expect(screen.getByText('ticket v2')).toBeTruthy();
  });
});
