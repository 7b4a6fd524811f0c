import { useTRPC, useTRPCClient } from '@kds/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { Loading, Problem } from '../shared/states.tsx';
import type { Inputs, Outputs } from '../shared/types.ts';
import { WebhooksCard } from './webhooks-card.tsx';

type Form = Inputs['store']['updateSettings'];
type Settings = Form['settings'];
type Loaded = Outputs['store']['settings'];

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const TEMPLATE_LABELS = {
  smsConfirmation: 'Confirmation text',
  smsStarted: '"Expected at" text',
  smsReady: 'Ready text',
  callReady: 'Ready call (spoken)',
} as const;

const formOf = (s: Loaded): Form => ({
  name: s.name,
  timezone: s.timezone,
  openingHours: s.openingHours,
  settings: s.settings,
});

/** The whole store in one form, saved at once; the server checks every field. */
export function SettingsPage() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const loaded = useQuery(trpc.store.settings.queryOptions());
  const [form, setForm] = useState<Form | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    if (loaded.data && !form) setForm(formOf(loaded.data));
  }, [loaded.data, form]);
  if (loaded.error) return <Problem error={loaded.error} />;
  if (!loaded.data || !form) return <Loading />;
  const defaults = loaded.data.defaultTemplates;

  const set = (change: Partial<Form>) => setForm({ ...form, ...change });
  const setS = (change: Partial<Settings>) =>
    setForm({ ...form, settings: { ...form.settings, ...change } });
  const setN = (change: Partial<Settings['notifications']>) =>
    setS({ notifications: { ...form.settings.notifications, ...change } });
  const num = (value: string) => (value === '' ? 0 : Number(value));

  const save = async () => {
    setResult(null);
    try {
      await client.store.updateSettings.mutate(form);
      setResult({ ok: true, text: 'Saved.' });
      await queryClient.invalidateQueries(trpc.store.pathFilter());
    } catch (e) {
      setResult({ ok: false, text: (e as Error).message });
    }
  };

  return (
    <>
      <header className="page-head page-head--row">
        <div>
          <h1>Settings</h1>
          <p className="muted">
            {loaded.data.slug} · prices in {loaded.data.currency}
          </p>
        </div>
        <button className="btn btn--primary" onClick={() => void save()}>
          Save settings
        </button>
      </header>
      {result && (
        <p
          className={`notice${result.ok ? '' : ' notice--error'}`}
          role={result.ok ? 'status' : 'alert'}
        >
          {result.text}
        </p>
      )}

      <Card title="Store">
        <div className="form-grid">
          <Text label="Name" value={form.name} onChange={(name) => set({ name })} />
          <Text
            label="Time zone"
            value={form.timezone}
            onChange={(timezone) => set({ timezone })}
            hint="e.g. America/New_York"
          />
        </div>
      </Card>

      <Card
        title="Opening hours"
        hint="Times in the store's zone; 24:00 for midnight. No hours: always open."
      >
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Opens</th>
              <th scope="col">Closes</th>
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {form.openingHours.map((interval, i) => {
              const update = (change: Partial<typeof interval>) =>
                set({
                  openingHours: form.openingHours.map((x, j) =>
                    j === i ? { ...x, ...change } : x,
                  ),
                });
              return (
                <tr key={i}>
                  <td>
                    <select
                      aria-label={`Day of interval ${i + 1}`}
                      value={interval.day}
                      onChange={(e) => update({ day: Number(e.target.value) })}
                    >
                      {DAYS.map((d, n) => (
                        <option key={d} value={n}>
                          {d}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      aria-label={`Opens, interval ${i + 1}`}
                      value={interval.opens}
                      onChange={(e) => update({ opens: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={`Closes, interval ${i + 1}`}
                      value={interval.closes}
                      onChange={(e) => update({ closes: e.target.value })}
                    />
                  </td>
                  <td>
                    <button
                      className="btn btn--small"
                      onClick={() =>
                        set({ openingHours: form.openingHours.filter((_, j) => j !== i) })
                      }
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <button
          className="btn"
          onClick={() =>
            set({
              openingHours: [...form.openingHours, { day: 1, opens: '11:00', closes: '22:00' }],
            })
          }
        >
          Add hours
        </button>
      </Card>

      <Card title="Orders and payment">
        <div className="form-grid">
          <label className="field">
            <span>Payment</span>
            <select
              value={form.settings.paymentMode}
              onChange={(e) => setS({ paymentMode: e.target.value as Settings['paymentMode'] })}
            >
              <option value="both">Online or at the counter</option>
              <option value="online">Online only</option>
              <option value="counter">At the counter only</option>
            </select>
          </label>
          <Text
            label="Tax (%)"
            value={String(form.settings.taxRateBps / 100)}
            onChange={(v) => setS({ taxRateBps: Math.round(num(v) * 100) })}
          />
          <Text
            label="Tip presets (%)"
            value={form.settings.tipPresetsPercent.join(', ')}
            onChange={(v) =>
              setS({
                tipPresetsPercent: v
                  .split(',')
                  .map((x) => x.trim())
                  .filter(Boolean)
                  .map(Number),
              })
            }
          />
          <Text
            label="Unpaid orders expire after (minutes)"
            value={String(form.settings.paymentExpiryMinutes)}
            onChange={(v) => setS({ paymentExpiryMinutes: num(v) })}
          />
          <Text
            label="Typical preparation (minutes)"
            value={String(form.settings.defaultPrepMinutes)}
            onChange={(v) => setS({ defaultPrepMinutes: num(v) })}
          />
          <Text
            label="Delivery radius (m)"
            value={String(form.settings.deliveryRadiusMeters)}
            onChange={(v) => setS({ deliveryRadiusMeters: num(v) })}
          />
          <Text
            label="Scheduled orders per 15-minute slot"
            value={String(form.settings.scheduledSlotCapacity ?? 6)}
            onChange={(v) => setS({ scheduledSlotCapacity: num(v) })}
          />
          <Text
            label="Pickup code valid after ready (minutes)"
            value={String(form.settings.pickupCodeValidMinutes ?? 60)}
            onChange={(v) => setS({ pickupCodeValidMinutes: num(v) })}
          />
          <Check
            label="Pickup needs the guest's code"
            checked={form.settings.pickupCodeRequired}
            onChange={(pickupCodeRequired) => setS({ pickupCodeRequired })}
          />
          <Check
            label="Guests may add to an order not yet started"
            checked={form.settings.allowAddToOrder ?? true}
            onChange={(allowAddToOrder) => setS({ allowAddToOrder })}
          />
        </div>
      </Card>

      <Card
        title="Ticket colours"
        hint="Minutes after which a ticket turns amber (warn) and red (late)."
      >
        <div className="form-grid">
          {(['dine_in', 'pickup', 'delivery'] as const).map((type) => (
            <fieldset key={type} className="fieldset">
              <legend>
                {{ dine_in: 'Dine-in', pickup: 'Pickup', delivery: 'Delivery' }[type]}
              </legend>
              {(['warnMinutes', 'lateMinutes'] as const).map((key) => (
                <Text
                  key={key}
                  label={key === 'warnMinutes' ? 'Warn after' : 'Late after'}
                  value={String(form.settings.ticketThresholds[type][key])}
                  onChange={(v) =>
                    setS({
                      ticketThresholds: {
                        ...form.settings.ticketThresholds,
                        [type]: { ...form.settings.ticketThresholds[type], [key]: num(v) },
                      },
                    })
                  }
                />
              ))}
            </fieldset>
          ))}
        </div>
      </Card>

      <Card
        title="Messages to guests and staff"
        hint="Texts and calls go only to guests who agreed. Placeholders: {store} {number} {code} {link} {eta}; [square brackets] drop a part when a value is empty."
      >
        <div className="form-grid">
          <Check
            label="Texts (SMS)"
            checked={form.settings.notifications.sms}
            onChange={(sms) => setN({ sms })}
          />
          <Check
            label={'"Expected at" text when cooking starts'}
            checked={form.settings.notifications.smsStarted ?? false}
            onChange={(smsStarted) => setN({ smsStarted })}
          />
          <Check
            label="Call when ready"
            checked={form.settings.notifications.call}
            onChange={(call) => setN({ call })}
          />
          <Check
            label="Email"
            checked={form.settings.notifications.email}
            onChange={(email) => setN({ email })}
          />
        </div>
        <div className="form-grid form-grid--wide">
          {(Object.keys(TEMPLATE_LABELS) as (keyof typeof TEMPLATE_LABELS)[]).map((key) => (
            <label key={key} className="field">
              <span>{TEMPLATE_LABELS[key]}</span>
              <textarea
                rows={2}
                placeholder={defaults[key]}
                value={form.settings.notifications.templates?.[key] ?? ''}
                onChange={(e) =>
                  setN({
                    templates: { ...form.settings.notifications.templates, [key]: e.target.value },
                  })
                }
              />
            </label>
          ))}
          <Text
            label="Email each new paid order to (comma-separated; empty: off)"
            value={form.settings.notifications.staffEmails.join(', ')}
            onChange={(v) =>
              setN({
                staffEmails: v
                  .split(',')
                  .map((x) => x.trim())
                  .filter(Boolean),
              })
            }
          />
          <Text
            label="Text managers when a screen is stuck (phones, comma-separated)"
            value={form.settings.notifications.escalation?.phones.join(', ') ?? ''}
            onChange={(v) =>
              setN({
                escalation: {
                  afterMinutes: form.settings.notifications.escalation?.afterMinutes ?? 5,
                  phones: v
                    .split(',')
                    .map((x) => x.trim())
                    .filter(Boolean),
                },
              })
            }
          />
          <Text
            label="…after it has been offline or behind for (minutes)"
            value={String(form.settings.notifications.escalation?.afterMinutes ?? 5)}
            onChange={(v) =>
              setN({
                escalation: {
                  phones: form.settings.notifications.escalation?.phones ?? [],
                  afterMinutes: num(v),
                },
              })
            }
          />
        </div>
      </Card>
      <WebhooksCard />
    </>
  );
}

function Card({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      {hint && <p className="muted small">{hint}</p>}
      {children}
    </section>
  );
}

function Text({
  label,
  value,
  onChange,
  hint,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <input value={value} onChange={(e) => onChange(e.target.value)} placeholder={hint} />
    </label>
  );
}

function Check({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}
