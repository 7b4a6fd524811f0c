import { useTranslation } from '@kds/i18n/react';
import { messageFor, useTRPC } from '@kds/ui';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { queryParam } from '../shared/route.ts';

/** While an order waits for payment: say what happened at checkout, and let the guest pay. */
export function PayNow({ token }: { token: string }) {
  const { t } = useTranslation('guest');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const payOrder = useMutation(trpc.order.pay.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pay = async () => {
    setBusy(true);
    setError(null);
    try {
      const { checkoutUrl } = await payOrder.mutateAsync({ trackingToken: token });
      location.assign(checkoutUrl);
    } catch (e) {
      setError(messageFor(e, tc));
      setBusy(false);
    }
  };
  return (
    <div className="pay-now">
      {queryParam('canceled') === '1' && <p className="problem">{t('track.paymentCanceled')}</p>}
      {queryParam('paid') === '1' && <p className="muted">{t('track.confirming')}</p>}
      {error && (
        <p className="problem" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="primary" disabled={busy} onClick={() => void pay()}>
        {t('track.payNow')}
      </button>
    </div>
  );
}
