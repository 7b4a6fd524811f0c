import { Trans, useTranslation } from '@kds/i18n/react';
import { messageFor, useTRPC } from '@kds/ui';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorNotice } from '../shared/feedback.tsx';
import { useAdminFormat } from '../shared/format.ts';
import type { Outputs } from '../shared/types.ts';

/**
 * Pairing a new screen: a name and a station give a one-time code, typed on the screen itself
 * before it expires.
 */
export function PairScreenCard({
  stations,
}: {
  stations: Outputs['kitchen']['config']['stations'];
}) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { dateTime } = useAdminFormat();
  const trpc = useTRPC();
  const createPairingCode = useMutation(trpc.device.createPairingCode.mutationOptions());
  const [code, setCode] = useState<{ code: string; name: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const pair = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name'));
    const stationId = String(form.get('stationId') ?? '');
    setError(null);
    try {
      const created = await createPairingCode.mutateAsync({
        name,
        ...(stationId ? { stationId } : {}),
      });
      setCode({ ...created, name });
      event.currentTarget?.reset();
    } catch (e) {
      setError(messageFor(e, tc));
    }
  };

  return (
    <section className="card" aria-labelledby="pair-title">
      <h2 id="pair-title">{t('screens.pairTitle')}</h2>
      <form className="filters" onSubmit={pair}>
        <label className="field field--grow">
          <span>{t('screens.name')}</span>
          <input name="name" required maxLength={60} placeholder={t('screens.nameHint')} />
        </label>
        <label className="field">
          <span>{t('screens.station')}</span>
          <select name="stationId" defaultValue="">
            <option value="">{t('screens.allStations')}</option>
            {stations
              .filter((s) => s.kind === 'prep')
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
          </select>
        </label>
        <button className="btn btn--primary">{t('screens.create')}</button>
      </form>
      {error && <ErrorNotice>{error}</ErrorNotice>}
      {code && (
        <p className="pair-code" role="status">
          <Trans
            t={t}
            i18nKey="screens.code"
            values={{ code: code.code, name: code.name, time: dateTime(code.expiresAt) }}
            components={{ strong: <strong /> }}
          />
        </p>
      )}
    </section>
  );
}
