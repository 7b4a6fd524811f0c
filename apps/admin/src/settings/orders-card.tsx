import { Card, Check, commaList, numberOf, PaymentSelect, Text } from './fields.tsx';
import type { CardProps } from './form.ts';

/** How orders are taken and paid, and how long the kitchen has before a ticket turns late. */
export function OrdersCard({ form, setSettings }: CardProps) {
  const s = form.settings;
  return (
    <>
      <Card title="Orders and payment">
        <div className="form-grid">
          <PaymentSelect
            value={s.paymentMode}
            onChange={(paymentMode) => setSettings({ paymentMode })}
          />
          <Text
            label="Tax (%)"
            value={String(s.taxRateBps / 100)}
            onChange={(v) => setSettings({ taxRateBps: Math.round(numberOf(v) * 100) })}
          />
          <Text
            label="Tip presets (%)"
            value={s.tipPresetsPercent.join(', ')}
            onChange={(v) => setSettings({ tipPresetsPercent: commaList(v).map(Number) })}
          />
          <Text
            label="Unpaid orders expire after (minutes)"
            value={String(s.paymentExpiryMinutes)}
            onChange={(v) => setSettings({ paymentExpiryMinutes: numberOf(v) })}
          />
          <Text
            label="Payment links for phone orders work for (hours)"
            value={String((s.paymentLinkMinutes ?? 1440) / 60)}
            onChange={(v) => setSettings({ paymentLinkMinutes: Math.round(numberOf(v) * 60) })}
          />
          <Text
            label="Typical preparation (minutes)"
            value={String(s.defaultPrepMinutes)}
            onChange={(v) => setSettings({ defaultPrepMinutes: numberOf(v) })}
          />
          <Text
            label="Delivery radius (m)"
            value={String(s.deliveryRadiusMeters)}
            onChange={(v) => setSettings({ deliveryRadiusMeters: numberOf(v) })}
          />
          <Text
            label="Scheduled orders per 15-minute slot"
            value={String(s.scheduledSlotCapacity ?? 6)}
            onChange={(v) => setSettings({ scheduledSlotCapacity: numberOf(v) })}
          />
          <Text
            label="Pickup code valid after ready (minutes)"
            value={String(s.pickupCodeValidMinutes ?? 60)}
            onChange={(v) => setSettings({ pickupCodeValidMinutes: numberOf(v) })}
          />
          <Check
            label="Pickup needs the guest's code"
            checked={s.pickupCodeRequired}
            onChange={(pickupCodeRequired) => setSettings({ pickupCodeRequired })}
          />
          <Check
            label="Guests may add to an order not yet started"
            checked={s.allowAddToOrder ?? true}
            onChange={(allowAddToOrder) => setSettings({ allowAddToOrder })}
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
                  value={String(s.ticketThresholds[type][key])}
                  onChange={(v) =>
                    setSettings({
                      ticketThresholds: {
                        ...s.ticketThresholds,
                        [type]: { ...s.ticketThresholds[type], [key]: numberOf(v) },
                      },
                    })
                  }
                />
              ))}
            </fieldset>
          ))}
        </div>
      </Card>
    </>
  );
}
