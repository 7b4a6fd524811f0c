import { Card, Check, commaList, numberOf, Text } from './fields.tsx';
import type { CardProps, Loaded, Settings } from './form.ts';

const TEMPLATE_LABELS = {
  smsConfirmation: 'Confirmation text',
  smsStarted: '"Expected at" text',
  smsReady: 'Ready text',
  callReady: 'Ready call (spoken)',
  smsOnTheWay: '"On its way" text (deliveries)',
  smsPaymentLink: 'Payment link text (phone orders)',
} as const;

/** Which messages go out, in the store's own words, and who is told when a screen is stuck. */
export function MessagesCard({
  form,
  setSettings,
  defaults,
}: CardProps & { defaults: Loaded['defaultTemplates'] }) {
  const n = form.settings.notifications;
  const setN = (change: Partial<Settings['notifications']>) =>
    setSettings({ notifications: { ...n, ...change } });
  const escalation = n.escalation ?? { phones: [], afterMinutes: 5 };
  return (
    <Card
      title="Messages to guests and staff"
      hint="Texts and calls go only to guests who agreed. Placeholders: {store} {number} {code} {link} {eta} {total} {payBy} {wait} {driver}; [square brackets] drop a part when a value is empty."
    >
      <div className="form-grid">
        <Check label="Texts (SMS)" checked={n.sms} onChange={(sms) => setN({ sms })} />
        <Check
          label={'"Expected at" text when cooking starts'}
          checked={n.smsStarted ?? false}
          onChange={(smsStarted) => setN({ smsStarted })}
        />
        <Check label="Call when ready" checked={n.call} onChange={(call) => setN({ call })} />
        <Check label="Email" checked={n.email} onChange={(email) => setN({ email })} />
      </div>
      <div className="form-grid form-grid--wide">
        {(Object.keys(TEMPLATE_LABELS) as (keyof typeof TEMPLATE_LABELS)[]).map((key) => (
          <label key={key} className="field">
            <span>{TEMPLATE_LABELS[key]}</span>
            <textarea
              rows={2}
              placeholder={defaults[key]}
              value={n.templates?.[key] ?? ''}
              onChange={(e) => setN({ templates: { ...n.templates, [key]: e.target.value } })}
            />
          </label>
        ))}
        <Text
          label="Email each new paid order to (comma-separated; empty: off)"
          value={n.staffEmails.join(', ')}
          onChange={(v) => setN({ staffEmails: commaList(v) })}
        />
        <Text
          label="Text managers when a screen is stuck (phones, comma-separated)"
          value={escalation.phones.join(', ')}
          onChange={(v) => setN({ escalation: { ...escalation, phones: commaList(v) } })}
        />
        <Text
          label="…after it has been offline or behind for (minutes)"
          value={String(escalation.afterMinutes)}
          onChange={(v) => setN({ escalation: { ...escalation, afterMinutes: numberOf(v) } })}
        />
        <Text
          label="Email managers when a webhook has failed for (minutes)"
          value={String(form.settings.webhookAlertMinutes ?? 15)}
          onChange={(v) => setSettings({ webhookAlertMinutes: numberOf(v) })}
        />
      </div>
    </Card>
  );
}
