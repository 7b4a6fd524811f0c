import { useTranslation } from '@kds/i18n/react';
import { Link } from 'wouter';
import { useAdminFormat } from '../shared/format.ts';
import type { Outputs } from '../shared/types.ts';

type Message = Outputs['outbox']['list']['messages'][number];

/** One message: when, what, to whom, how it went (with the provider's own words), and a retry. */
export function MessageRow({ message: m, retry }: { message: Message; retry: () => void }) {
  const { t } = useTranslation('admin');
  const { dateTime, duration, messageLabel, messageStatus } = useAdminFormat();
  return (
    <tr>
      <td>{dateTime(m.sentAt ?? m.createdAt)}</td>
      <td>
        <span className="badge">{t(`messages.channels.${m.channel}`)}</span>
      </td>
      <td>
        {messageLabel(m.template, m.label)}
        {m.orderId && (
          <div className="small">
            <Link href={`/orders/${m.orderId}`}>{t('messages.order')}</Link>
          </div>
        )}
      </td>
      <td className="break">{m.recipient}</td>
      <td>
        <span className={`state-pill state-pill--${m.status}`}>{messageStatus(m.status)}</span>
        <div className="small muted">
          {t('messages.tries', { count: m.attempts })}
          {m.status === 'pending' &&
            m.attempts > 0 &&
            t('messages.next', { time: dateTime(m.nextAttemptAt) })}
        </div>
        {/* What the provider (Twilio, the mail server, a webhook's receiver) answered, as it said it. */}
        {m.error && (
          <div className="small error-text" lang="en">
            {m.error}
          </div>
        )}
      </td>
      <td className="small">
        {m.providerId?.startsWith('recorded-') ? (
          <span className="muted">{t('messages.recorded')}</span>
        ) : (
          m.providerId
        )}
        {m.providerStatus && <div>{m.providerStatus}</div>}
        {m.durationSeconds !== null && <div>{duration(m.durationSeconds)}</div>}
        {m.costMicros !== null && <div>${(m.costMicros / 1_000_000).toFixed(4)}</div>}
      </td>
      <td>
        {m.status === 'failed' && (
          <button className="btn btn--small" onClick={retry}>
            {t('messages.retry')}
          </button>
        )}
      </td>
    </tr>
  );
}
