import { useTranslation } from '@kds/i18n/react';
import { useAdminFormat } from '../shared/format.ts';
import { commaList } from '../shared/comma-list.ts';
import { Card, Check, numberOf, PaymentSelect, Text } from './fields.tsx';
import type { CardProps } from './form.ts';

/** How orders are taken and paid, and how long the kitchen has before a ticket turns late. */
export function OrdersCard(props: CardProps) {
  return (
    <>
      <OrderRulesCard {...props} />
      <TicketColoursCard {...props} />
    </>
  );
}

/** Payment, tax, tips, expiry, preparation, delivery radius, slots and pickup codes. */
function OrderRulesCard({ form, setSettings }: CardProps) {
  const { t } = useTranslation('admin');
  const s = form.settings;
  return (
    <Card title={t('ordersCard.title')}>
      <div className="form-grid">
        <PaymentSelect
          value={s.paymentMode}
          onChange={(paymentMode) => setSettings({ paymentMode })}
        />
        <Text
          label={t('ordersCard.tax')}
          value={String(s.taxRateBps / 100)}
          onChange={(v) => setSettings({ taxRateBps: Math.round(numberOf(v) * 100) })}
        />
        <Text
          label={t('ordersCard.tips')}
          value={s.tipPresetsPercent.join(', ')}
          onChange={(v) => setSettings({ tipPresetsPercent: commaList(v).map(Number) })}
        />
        <Text
          label={t('ordersCard.expiry')}
          value={String(s.paymentExpiryMinutes)}
          onChange={(v) => setSettings({ paymentExpiryMinutes: numberOf(v) })}
        />
        <Text
          label={t('ordersCard.linkHours')}
          value={String((s.paymentLinkMinutes ?? 1440) / 60)}
          onChange={(v) => setSettings({ paymentLinkMinutes: Math.round(numberOf(v) * 60) })}
        />
        <Text
          label={t('ordersCard.prep')}
          value={String(s.defaultPrepMinutes)}
          onChange={(v) => setSettings({ defaultPrepMinutes: numberOf(v) })}
        />
        <Text
          label={t('ordersCard.radius')}
          value={String(s.deliveryRadiusMeters)}
          onChange={(v) => setSettings({ deliveryRadiusMeters: numberOf(v) })}
        />
        <Text
          label={t('ordersCard.slots')}
          value={String(s.scheduledSlotCapacity ?? 6)}
          onChange={(v) => setSettings({ scheduledSlotCapacity: numberOf(v) })}
        />
        <Text
          label={t('ordersCard.codeValid')}
          value={String(s.pickupCodeValidMinutes ?? 60)}
          onChange={(v) => setSettings({ pickupCodeValidMinutes: numberOf(v) })}
        />
        <Check
          label={t('ordersCard.codeRequired')}
          checked={s.pickupCodeRequired}
          onChange={(pickupCodeRequired) => setSettings({ pickupCodeRequired })}
        />
        <Check
          label={t('ordersCard.addToOrder')}
          checked={s.allowAddToOrder ?? true}
          onChange={(allowAddToOrder) => setSettings({ allowAddToOrder })}
        />
      </div>
    </Card>
  );
}

/** After how many minutes a ticket of each kind turns amber, then red, on the kitchen's screens. */
function TicketColoursCard({ form, setSettings }: CardProps) {
  const { t } = useTranslation('admin');
  const { fulfilmentWord } = useAdminFormat();
  const s = form.settings;
  return (
    <Card title={t('ordersCard.colours')} hint={t('ordersCard.coloursHint')}>
      <div className="form-grid">
        {(['dine_in', 'pickup', 'delivery'] as const).map((type) => (
          <fieldset key={type} className="fieldset">
            <legend>{fulfilmentWord(type)}</legend>
            {(['warnMinutes', 'lateMinutes'] as const).map((key) => (
              <Text
                key={key}
                label={
                  key === 'warnMinutes' ? t('ordersCard.warnAfter') : t('ordersCard.lateAfter')
                }
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
  );
}
