import { useTranslation } from '@kds/i18n/react';
import { useAdminFormat } from '../shared/format.ts';
import { useTRPC } from '@kds/ui';
import { useMutation } from '@tanstack/react-query';
import type { Act } from '../shared/feedback.tsx';
import type { Outputs } from '../shared/types.ts';

type Message = Outputs['order']['detail']['messages'][number];

/**
 * What left (or did not) about this order: texts, calls, email, webhooks, refunds, with what
 * became of each. A failed one can be tried again; a text or email that went can be sent again.
 */
export function OrderMessages({ messages, act }: { messages: Message[]; act: Act }) {
  const { t } = useTranslation('admin');
  const { messageLabel, messageStatus } = useAdminFormat();
  const trpc = useTRPC();
  const retry = useMutation(trpc.outbox.retry.mutationOptions());
  const resend = useMutation(trpc.outbox.resend.mutationOptions());
  return (
    <>
      <h2>{t('orderMessages.title')}</h2>
      {messages.length === 0 ? (
        <p className="muted">{t('orderMessages.none')}</p>
      ) : (
        <ul className="plain">
          {messages.map((m) => (
            <li key={m.id}>
              <span className="badge">{m.channel}</span>{' '}
              {t('orderMessages.to', {
                label: messageLabel(m.template, m.label),
                recipient: m.recipient,
              })}{' '}
              <strong>{messageStatus(m.status)}</strong>
              {m.providerStatus && ` (${m.providerStatus})`}
              {m.error && (
                <span className="small muted" lang="en">
                  {' '}
                  · {m.error}
                </span>
              )}{' '}
              {m.status === 'failed' && (
                <button
                  className="btn btn--small"
                  onClick={() =>
                    act(t('orderMessages.trying'), () => retry.mutateAsync({ messageId: m.id }))
                  }
                >
                  {t('orderMessages.tryAgain')}
                </button>
              )}
              {(m.status === 'sent' || m.status === 'recorded') &&
                (m.channel === 'sms' || m.channel === 'email') && (
                  <button
                    className="btn btn--small"
                    onClick={() =>
                      act(t('orderMessages.sentAgain'), () =>
                        resend.mutateAsync({ messageId: m.id }),
                      )
                    }
                  >
                    {t('orderMessages.sendAgain')}
                  </button>
                )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
