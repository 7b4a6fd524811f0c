import { useState } from 'react';
import type { Entered } from './types.ts';

/** What happened, in words staff can read back to the guest, and the way to the next order. */
export function PlacedNote({ placed, onNext }: { placed: Entered; onNext(): void }) {
  const [copied, setCopied] = useState(false);
  const by = placed.linkSentBy;
  const sent = by && [by.sms && 'texted', by.email && 'emailed'].filter(Boolean);
  return (
    <section className="entry__placed" role="status" aria-live="polite">
      <h2>Order #{placed.number} placed</h2>
      {placed.payUrl ? (
        <>
          <p>
            It reaches the kitchen when the guest pays.
            {sent && sent.length > 0
              ? ` The payment link is being ${sent.join(' and ')} to them.`
              : ' Give the guest this payment link:'}
          </p>
          <p className="entry__link">
            <a href={placed.payUrl} target="_blank" rel="noreferrer">
              {placed.payUrl}
            </a>
            <button
              type="button"
              onClick={() =>
                void navigator.clipboard?.writeText(placed.payUrl ?? '').then(() => setCopied(true))
              }
            >
              {copied ? 'Copied' : 'Copy link'}
            </button>
          </p>
        </>
      ) : (
        <p>Paid at the counter: it is on the kitchen screens now.</p>
      )}
      <button type="button" className="entry__primary" onClick={onNext} autoFocus>
        New order
      </button>
    </section>
  );
}
