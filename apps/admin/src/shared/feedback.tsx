import { useTranslation } from '@kds/i18n/react';
import { messageFor } from '@kds/ui';
import { useCallback, useState, type ReactNode } from 'react';

/** What the last action on a page came to, shown above the page's content. */
export interface Outcome {
  ok: boolean;
  text: string;
}

/** A success is announced politely; a failure as an alert. */
export function Notice({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  return (
    <p
      className={`notice${outcome.ok ? '' : ' notice--error'}`}
      role={outcome.ok ? 'status' : 'alert'}
    >
      {outcome.text}
    </p>
  );
}

/** A failure the reader must see, read out as an alert. */
export function ErrorNotice({ children }: { children: ReactNode }) {
  return (
    <p className="notice notice--error" role="alert">
      {children}
    </p>
  );
}

/** What a row or form is given to run one command and report its outcome. */
export type Act = ReturnType<typeof useAction>['act'];

/**
 * Runs a labelled action and records its outcome ("Label." or "Label: what it returned", or
 * "Label: why it failed"), then `refresh` (re-read what the action changed). Resolves whether
 * it worked.
 */
export function useAction(refresh: () => Promise<unknown>) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const act = useCallback(
    async (label: string, action: () => Promise<unknown>): Promise<boolean> => {
      let ok = true;
      try {
        const extra = await action();
        setOutcome({
          ok,
          text:
            typeof extra === 'string'
              ? t('doneWith', { label, detail: extra })
              : t('done', { label }),
        });
      } catch (e) {
        ok = false;
        setOutcome({ ok, text: t('doneWith', { label, detail: messageFor(e, tc) }) });
      }
      await refresh();
      return ok;
    },
    [refresh, t, tc],
  );
  return { outcome, setOutcome, act };
}

/** A number that matters, large. */
export function Tile({ label, value }: { label: string; value: string }) {
  return (
    <div className="tile">
      <span className="tile__label">{label}</span>
      <span className="tile__value">{value}</span>
    </div>
  );
}
