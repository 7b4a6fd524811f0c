import { useTranslation } from '@kds/i18n/react';
import { useTRPC } from '@kds/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Act } from '../shared/feedback.tsx';
import { useAdminFormat } from '../shared/format.ts';

/**
 * The order on paper: when it last printed, a reprint of the chit or the guest's receipt, and
 * what either looks like (the same document the printer gets, drawn as an image).
 */
export function PaperCard({
  orderId,
  printedAt,
  act,
}: {
  orderId: string;
  printedAt: Date | string | null;
  act: Act;
}) {
  const { t } = useTranslation('admin');
  const { dateTime } = useAdminFormat();
  const trpc = useTRPC();
  const [kind, setKind] = useState<'chit' | 'receipt'>('chit');
  const preview = useQuery(trpc.printing.preview.queryOptions({ orderId, kind }));
  const print = useMutation(trpc.printing.print.mutationOptions());
  const send = (what: 'chit' | 'receipt') =>
    act(what === 'chit' ? t('paper.chitQueued') : t('paper.receiptQueued'), async () => {
      const { printer } = await print.mutateAsync({ orderId, kind: what });
      return t('paper.on', { printer });
    });
  return (
    <section className="card" aria-labelledby="paper-title">
      <h2 id="paper-title">{t('paper.title')}</h2>
      <p className="muted">
        {printedAt ? t('paper.lastPrinted', { time: dateTime(printedAt) }) : t('paper.notPrinted')}
      </p>
      <div className="actions">
        <button className="btn" onClick={() => void send('chit')}>
          {t('paper.reprint')}
        </button>
        <button className="btn" onClick={() => void send('receipt')}>
          {t('paper.printReceipt')}
        </button>
      </div>
      <fieldset className="segmented">
        <legend>{t('paper.preview')}</legend>
        {(['chit', 'receipt'] as const).map((k) => (
          <label key={k}>
            <input type="radio" name="paper" checked={kind === k} onChange={() => setKind(k)} />{' '}
            {k === 'chit' ? t('paper.chit') : t('paper.receipt')}
          </label>
        ))}
      </fieldset>
      {preview.data && (
        <img
          className="paper-preview"
          alt={kind === 'chit' ? t('paper.chitAlt') : t('paper.receiptAlt')}
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(preview.data.svg)}`}
        />
      )}
    </section>
  );
}
