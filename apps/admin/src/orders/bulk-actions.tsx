import { useTranslation } from '@kds/i18n/react';
import { messageFor, useTRPC } from '@kds/ui';
import { useQueryClient, useMutation } from '@tanstack/react-query';
import { useState } from 'react';

/** The same verb on several orders; each succeeds or says why not, on its own. */
export function BulkActions({ selected, onDone }: { selected: string[]; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const complete = useMutation(trpc.order.complete.mutationOptions());
  const cancel = useMutation(trpc.order.cancel.mutationOptions());
  const queryClient = useQueryClient();
  const [report, setReport] = useState<string | null>(null);
  if (selected.length === 0 && !report) return null;

  const run = async (name: string, action: (orderId: string) => Promise<unknown>) => {
    const results = await Promise.allSettled(selected.map(action));
    const failed = results.flatMap((r) =>
      r.status === 'rejected' ? [messageFor(r.reason, tc)] : [],
    );
    const done = results.length - failed.length;
    setReport(
      failed.length
        ? t('orders.bulkRefused', {
            name,
            done,
            refused: failed.length,
            reasons: [...new Set(failed)].join('; '),
          })
        : t('orders.bulkDone', { name, done }),
    );
    await queryClient.invalidateQueries(trpc.order.pathFilter());
    onDone();
  };

  return (
    <div className="bulk" role="region" aria-label={t('orders.bulk')}>
      {selected.length > 0 && (
        <>
          <span>{t('orders.selected', { count: selected.length })}</span>
          <button
            className="btn"
            onClick={() =>
              void run(t('orders.completed'), (orderId) => complete.mutateAsync({ orderId }))
            }
          >
            {t('orders.markCompleted')}
          </button>
          <button
            className="btn btn--danger"
            onClick={() => {
              const reason = window.prompt(t('orders.cancelWhy'));
              if (reason?.trim()) {
                void run(t('orders.canceled'), (orderId) =>
                  cancel.mutateAsync({ orderId, reason }),
                );
              }
            }}
          >
            {t('orders.cancelRefund')}
          </button>
        </>
      )}
      {report && (
        <p role="status" className="bulk__report">
          {report}{' '}
          <button className="btn btn--quiet" onClick={() => setReport(null)}>
            {t('orders.dismiss')}
          </button>
        </p>
      )}
    </div>
  );
}
