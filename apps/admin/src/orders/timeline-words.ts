import { useTranslation } from '@kds/i18n/react';
import { useAdminFormat } from '../shared/format.ts';
import type { Outputs } from '../shared/types.ts';

type Entry = Outputs['order']['detail']['timeline'][number];

/**
 * A timeline line in the reader's language, from the codes the server sends with its English
 * (an event type, a message's template and status, a payment's status); a code the catalogue
 * does not know yet shows the server's words.
 */
export function useTimelineWords() {
  const { t } = useTranslation('admin');
  const { messageLabel, messageStatus, money } = useAdminFormat();
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    what(entry: Entry): string {
      const d = entry.detail;
      switch (entry.kind) {
        case 'event':
          return t(`order.event.${text(d.type).replace('.', '_')}` as 'order.event.order_placed', {
            defaultValue: entry.what,
          });
        case 'message':
          return t('order.messageStatus', {
            label: messageLabel(text(d.template), entry.what),
            status: messageStatus(text(d.status)),
          });
        case 'payment': {
          const refunded = typeof d.refundedCents === 'number' ? d.refundedCents : 0;
          const line = refunded
            ? t('order.paymentRefunded', {
                status: text(d.status),
                refunded: money(refunded, text(d.currency)),
              })
            : t('order.paymentLine', { status: text(d.status) });
          return d.flag ? `${line}${t('order.flag', { flag: text(d.flag) })}` : line;
        }
        default:
          return entry.what;
      }
    },
    who(entry: Entry): string {
      const { kind, name } = entry.actor;
      if (kind === 'staff') return name ?? t('order.who.staff');
      if (kind === 'screen') return t('order.who.screen', { name: name ?? '?' });
      if (kind === 'apiKey') return t('order.who.apiKey', { name: name ?? '?' });
      if (kind === 'guest') return t('order.who.guest');
      if (kind === 'provider') return entry.who;
      return entry.kind === 'message' && entry.who === 'integration'
        ? t('order.who.integration')
        : entry.who === 'Stripe'
          ? entry.who
          : t('order.who.system');
    },
  };
}
