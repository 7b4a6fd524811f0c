import { useTranslation } from '@kds/i18n/react';
import { useState } from 'react';
import type { Entered } from './types.ts';

/** What happened, in words staff can read back to the guest, and the way to the next order. */
export function PlacedNote({ placed, onNext }: { placed: Entered; onNext(): void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const by = placed.linkSentBy;
  const sent =
    by?.sms && by.email
      ? t('entry.linkTextedEmailed')
      : by?.sms
        ? t('entry.linkTexted')
        : by?.email
          ? t('entry.linkEmailed')
          : t('entry.giveLink');
  return (
    <section className="entry__placed" role="status" aria-live="polite">
      <h2>{t('entry.placed', { number: placed.number })}</h2>
      {placed.payUrl ? (
        <>
          <p>
            {t('entry.whenPaid')} {sent}
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
              {copied ? t('entry.copied') : t('entry.copy')}
            </button>
          </p>
        </>
      ) : (
        <p>{t('entry.paidNow')}</p>
      )}
      <button type="button" className="entry__primary" onClick={onNext} autoFocus>
        {t('entry.newOrder')}
      </button>
    </section>
  );
}
