import { money } from '../shared/format.ts';
import type { Outputs } from '../shared/types.ts';

type Payment = Outputs['order']['detail']['payments'][number];

/** Each payment of an order: amount, status (and what needs a look), refunds, fees, receipt. */
export function PaymentFacts({ payments }: { payments: Payment[] }) {
  return (
    <>
      {payments.map((p) => (
        <dl key={p.id} className="facts">
          <dt>Amount</dt>
          <dd>{money(p.amountCents, p.currency)}</dd>
          <dt>Status</dt>
          <dd>
            {p.status}
            {p.flag && <strong className="flag"> · needs a look: {p.flag}</strong>}
          </dd>
          {p.refundedCents > 0 && (
            <>
              <dt>Refunded</dt>
              <dd>{money(p.refundedCents, p.currency)}</dd>
            </>
          )}
          {p.feeCents !== null && (
            <>
              <dt>Fee / net</dt>
              <dd>
                {money(p.feeCents, p.currency)} / {money(p.netCents ?? 0, p.currency)}
              </dd>
            </>
          )}
          {p.receiptUrl && (
            <>
              <dt>Receipt</dt>
              <dd>
                <a href={p.receiptUrl} target="_blank" rel="noreferrer">
                  open
                </a>
              </dd>
            </>
          )}
        </dl>
      ))}
    </>
  );
}
