import { useTranslation } from '@kds/i18n/react';
import { useNow } from '@kds/ui';
import type { TicketActions } from './use-ticket-actions.ts';

/** Undo for five seconds after a bump; errors and confirmations in the same place. */
export function UndoBar({ actions }: { actions: TicketActions }) {
  const { t } = useTranslation('kitchen');
  const { t: tc } = useTranslation();
  const now = useNow(250);
  const { undoable, notice } = actions;
  const left = undoable ? Math.ceil((undoable.until - now) / 1000) : 0;
  return (
    <div className="toasts">
      {undoable && left > 0 && (
        <div className="toast">
          <span>{undoable.label}</span>
          <button type="button" className="btn btn--undo" onClick={() => void actions.undo()}>
            {t('actions.undo', { seconds: left })}
          </button>
        </div>
      )}
      {notice && (
        <div
          className={`toast toast--${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          <span>{notice.text}</span>
          <button type="button" className="btn" onClick={actions.dismissNotice}>
            {tc('ok')}
          </button>
        </div>
      )}
    </div>
  );
}
