import { useTranslation } from '@kds/i18n/react';
import { useFormat } from '@kds/ui';
import { useMemo } from 'react';

/** Weekday names in the reader's language, Sunday first (0), as opening hours count them. */
export function weekdays(language: string): string[] {
  const names = new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' });
  // 2023-01-01 was a Sunday.
  return [0, 1, 2, 3, 4, 5, 6].map((d) => names.format(Date.UTC(2023, 0, 1 + d)));
}

/**
 * The console's words and numbers for the reader: money in the store's currency and region,
 * moments in the store's zone and clock, an order's status and kind as words, not codes.
 */
export function useAdminFormat() {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const format = useFormat();
  return useMemo(() => {
    const locale = format.locale;
    const short = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: format.region.timeZone,
      hourCycle: format.hourCycle,
    });
    const seconds = new Intl.DateTimeFormat(locale, {
      hour: 'numeric',
      minute: '2-digit',
      second: '2-digit',
      timeZone: format.region.timeZone,
      hourCycle: format.hourCycle,
    });
    // A value the catalogue does not know yet (a new status) shows as it is, not as a key.
    const word = (group: 'status' | 'payment' | 'fulfilment', value: string) =>
      tc(`${group}.${value}` as 'status.PLACED', { defaultValue: value });
    return {
      money: (amount: number, currency?: string) => format.money(amount, currency),
      /** "Dec 1, 4:44 PM" in the store's zone. */
      dateTime: (at: Date | string | null | undefined) => (at ? short.format(new Date(at)) : '—'),
      timeOnly: (at: Date | string | null | undefined) => (at ? seconds.format(new Date(at)) : '—'),
      /** 754 s -> "12 min 34 s". */
      duration: (total: number | null | undefined) => {
        if (total === null || total === undefined) return '—';
        const m = Math.floor(total / 60);
        const s = Math.round(total % 60);
        return m > 0 ? t('words.minutesSeconds', { m, s }) : t('words.seconds', { s });
      },
      statusWord: (status: string) => word('status', status),
      fulfilmentWord: (kind: string) => word('fulfilment', kind),
      paymentWord: (payment: string) => word('payment', payment),
      /** "Ready text", "Webhook order.placed": what a queued message is. */
      messageLabel: (template: string, fallback: string) =>
        template.startsWith('webhook.')
          ? t('messageLabels.webhook', { event: template.slice('webhook.'.length) })
          : t(`messageLabels.${template.replace('.', '_')}` as 'messageLabels.chit', {
              defaultValue: fallback,
            }),
      messageStatus: (status: string) =>
        t(`messageStatus.${status}` as 'messageStatus.sent', { defaultValue: status }),
    };
  }, [t, tc, format]);
}
