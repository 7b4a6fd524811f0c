import { useTranslation } from '@kds/i18n/react';
import { useEffect, useState, type ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';

const report = (where: string) => (error: unknown) =>
  console.error(`${where} failed to render`, error);

/**
 * Around a whole app: a render error shows a page that says so instead of a blank one. A wall
 * screen has nobody to press a button, so with `reloadAfterSeconds` it starts again by itself
 * (it resumes from the server where it was); a person's page offers the button.
 */
export function ScreenBoundary({
  children,
  reloadAfterSeconds,
}: {
  children: ReactNode;
  reloadAfterSeconds?: number;
}) {
  return (
    <ErrorBoundary
      onError={report('the screen')}
      fallbackRender={() => <ScreenCrashed reloadAfterSeconds={reloadAfterSeconds} />}
    >
      {children}
    </ErrorBoundary>
  );
}

function ScreenCrashed({ reloadAfterSeconds }: { reloadAfterSeconds: number | undefined }) {
  const { t } = useTranslation();
  const [left, setLeft] = useState(reloadAfterSeconds);
  useEffect(() => {
    if (left === undefined) return;
    if (left <= 0) return location.reload();
    const tick = setTimeout(() => setLeft(left - 1), 1000);
    return () => clearTimeout(tick);
  }, [left]);
  return (
    <main className="crash" role="alert">
      <h1>{t('crash.title')}</h1>
      <p>{left === undefined ? t('crash.reload') : t('crash.reloadIn', { seconds: left })}</p>
      <button type="button" className="btn" onClick={() => location.reload()}>
        {t('crash.reloadNow')}
      </button>
    </main>
  );
}

/**
 * Around one part of a screen (a ticket, a panel): if it cannot be drawn it shows `fallback`
 * and the rest of the screen carries on. It tries again when one of `resetKeys` changes (the
 * next version of the ticket).
 */
export function PartBoundary({
  children,
  fallback,
  resetKeys,
  name,
}: {
  children: ReactNode;
  fallback: ReactNode;
  resetKeys: unknown[];
  name: string;
}) {
  return (
    <ErrorBoundary fallback={fallback} resetKeys={resetKeys} onError={report(name)}>
      {children}
    </ErrorBoundary>
  );
}
