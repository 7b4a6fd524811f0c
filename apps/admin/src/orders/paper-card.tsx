import { useTRPC } from '@kds/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { useAction } from '../shared/feedback.tsx';
import { dateTime } from '../shared/format.ts';

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
  act: ReturnType<typeof useAction>['act'];
}) {
  const trpc = useTRPC();
  const [kind, setKind] = useState<'chit' | 'receipt'>('chit');
  const preview = useQuery(trpc.printing.preview.queryOptions({ orderId, kind }));
  const print = useMutation(trpc.printing.print.mutationOptions());
  const send = (what: 'chit' | 'receipt') =>
    act(what === 'chit' ? 'Chit reprint queued' : 'Receipt queued', async () => {
      const { printer } = await print.mutateAsync({ orderId, kind: what });
      return `on ${printer}`;
    });
  return (
    <section className="card" aria-labelledby="paper-title">
      <h2 id="paper-title">Paper</h2>
      <p className="muted">
        {printedAt ? `Last printed ${dateTime(printedAt)}.` : 'Not printed yet.'}
      </p>
      <div className="actions">
        <button className="btn" onClick={() => void send('chit')}>
          Reprint kitchen chit
        </button>
        <button className="btn" onClick={() => void send('receipt')}>
          Print receipt
        </button>
      </div>
      <fieldset className="segmented">
        <legend>Preview</legend>
        {(['chit', 'receipt'] as const).map((k) => (
          <label key={k}>
            <input type="radio" name="paper" checked={kind === k} onChange={() => setKind(k)} />{' '}
            {k === 'chit' ? 'Kitchen chit' : 'Receipt'}
          </label>
        ))}
      </fieldset>
      {preview.data && (
        <img
          className="paper-preview"
          alt={kind === 'chit' ? 'The kitchen chit as it prints' : 'The receipt as it prints'}
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(preview.data.svg)}`}
        />
      )}
    </section>
  );
}
