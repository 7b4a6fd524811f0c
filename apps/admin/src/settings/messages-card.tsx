import { useTranslation } from '@kds/i18n/react';
import { commaList } from '../shared/comma-list.ts';
import { Card, Check, numberOf, Text } from './fields.tsx';
import type { CardProps, Loaded, Settings } from './form.ts';

const TEMPLATES = [
  'smsConfirmation',
  'smsStarted',
  'smsReady',
  'callReady',
  'smsOnTheWay',
  'smsPaymentLink',
] as const;

/** Which messages go out, in the store's own words, and who is told when a screen is stuck. */
export function MessagesCard({
  form,
  setSettings,
  defaults,
}: CardProps & { defaults: Loaded['defaultTemplates'] }) {
  const { t } = useTranslation('admin');
  const n = form.settings.notifications;
  const setN = (change: Partial<Settings['notifications']>) =>
    setSettings({ notifications: { ...n, ...change } });
  const escalation = n.escalation ?? { phones: [], afterMinutes: 5 };
  return (
    <Card title={t('messagesCard.title')} hint={t('messagesCard.hint')}>
      <div className="form-grid">
        <Check label={t('messagesCard.sms')} checked={n.sms} onChange={(sms) => setN({ sms })} />
        <Check
          label={t('messagesCard.started')}
          checked={n.smsStarted ?? false}
          onChange={(smsStarted) => setN({ smsStarted })}
        />
        <Check
          label={t('messagesCard.call')}
          checked={n.call}
          onChange={(call) => setN({ call })}
        />
        <Check
          label={t('messagesCard.email')}
          checked={n.email}
          onChange={(email) => setN({ email })}
        />
      </div>
      <div className="form-grid form-grid--wide">
        {TEMPLATES.map((key) => (
          <label key={key} className="field">
            <span>{t(`messagesCard.templates.${key}`)}</span>
            {/* The store's wording, in its first guest language, whatever the console speaks. */}
            <textarea
              rows={2}
              lang={form.guestLanguages?.[0]}
              placeholder={defaults[key]}
              value={n.templates?.[key] ?? ''}
              onChange={(e) => setN({ templates: { ...n.templates, [key]: e.target.value } })}
            />
          </label>
        ))}
        <Text
          label={t('messagesCard.staffEmails')}
          value={n.staffEmails.join(', ')}
          onChange={(v) => setN({ staffEmails: commaList(v) })}
        />
        <Text
          label={t('messagesCard.escalationPhones')}
          value={escalation.phones.join(', ')}
          onChange={(v) => setN({ escalation: { ...escalation, phones: commaList(v) } })}
        />
        <Text
          label={t('messagesCard.escalationAfter')}
          value={String(escalation.afterMinutes)}
          onChange={(v) => setN({ escalation: { ...escalation, afterMinutes: numberOf(v) } })}
        />
        <Text
          label={t('messagesCard.webhookAlert')}
          value={String(form.settings.webhookAlertMinutes ?? 15)}
          onChange={(v) => setSettings({ webhookAlertMinutes: numberOf(v) })}
        />
      </div>
    </Card>
  );
}
