import { Trans, useTranslation } from '@kds/i18n/react';
import { messageFor, useTRPC } from '@kds/ui';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { KitchenConfig } from '../board/types.ts';
import { tokenStore } from './token.ts';

/** Staff choose the view; managers can also create a pairing code for a wall screen. */
export function StationPicker({
  config,
  choose,
}: {
  config: KitchenConfig;
  choose(id: string): void;
}) {
  const { t } = useTranslation('kitchen');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const createPairingCode = useMutation(trpc.device.createPairingCode.mutationOptions());
  const [pairing, setPairing] = useState<{ code: string; station: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const isManager = config.screen.role === 'owner' || config.screen.role === 'manager';

  const createCode = async (stationId: string, name: string) => {
    try {
      const { code } = await createPairingCode.mutateAsync({
        name: t('picker.screenName', { station: name }),
        stationId,
      });
      setPairing({ code, station: name });
    } catch (e) {
      setError(messageFor(e, tc));
    }
  };

  return (
    <main className="picker">
      <h1>{t('picker.title', { store: config.store.name })}</h1>
      <ul className="picker__list">
        {config.stations.map((s) => (
          <li key={s.id}>
            <button type="button" className="btn btn--station" onClick={() => choose(s.id)}>
              {s.name}
              <small>{s.kind === 'expo' ? t('picker.expo') : t('picker.prep')}</small>
            </button>
            {isManager && (
              <button type="button" className="btn" onClick={() => void createCode(s.id, s.name)}>
                {t('picker.pairScreen', { station: s.name })}
              </button>
            )}
          </li>
        ))}
      </ul>
      {pairing && (
        <p className="picker__code" role="status">
          <Trans
            t={t}
            i18nKey="picker.code"
            values={{ station: pairing.station, code: pairing.code }}
            components={{ b: <b /> }}
          />
        </p>
      )}
      {error && <p role="alert">{error}</p>}
      <button type="button" className="btn" onClick={() => tokenStore.set(null)}>
        {tc('signOut')}
      </button>
    </main>
  );
}
