import { useTranslation } from '@kds/i18n/react';
import { messageFor, useTRPC } from '@kds/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Notice, type Outcome } from '../shared/feedback.tsx';
import { useState } from 'react';
import { Card } from './fields.tsx';

const MODES = ['never', 'always', 'fallback'] as const;
type Mode = (typeof MODES)[number];

/**
 * Network receipt printers (ESC/POS on port 9100) and what each station prints on them. A
 * station that prints "only when its screen is offline or behind" is the paper backup for a
 * wall screen that died.
 */
export function PrintersCard() {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.printing.printers.queryOptions());
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const done = (text: string) => ({
    onSuccess: () => {
      setOutcome({ ok: true, text });
      void queryClient.invalidateQueries(trpc.printing.printers.pathFilter());
    },
    onError: (e: unknown) => setOutcome({ ok: false, text: messageFor(e, tc) }),
  });
  const save = useMutation(trpc.printing.savePrinter.mutationOptions(done(t('printers.saved'))));
  const remove = useMutation(
    trpc.printing.removePrinter.mutationOptions(done(t('printers.removed'))),
  );
  const station = useMutation(
    trpc.printing.setStation.mutationOptions(done(t('printers.stationSaved'))),
  );
  const test = useMutation(trpc.printing.testPage.mutationOptions(done(t('printers.testQueued'))));
  if (!list.data) return null;
  const { printers, stations } = list.data;

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    save.mutate({
      name: String(data.get('name')),
      host: String(data.get('host')),
      port: Number(data.get('port')) || 9100,
      charsPerLine: Number(data.get('charsPerLine')) || 42,
      receipts: data.get('receipts') === 'on',
    });
    event.currentTarget.reset();
  };
  return (
    <Card title={t('printers.title')} hint={t('printers.hint')}>
      <Notice outcome={outcome} />
      {printers.length === 0 ? (
        <p className="muted">{t('printers.none')}</p>
      ) : (
        <ul className="plain">
          {printers.map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong> {p.host}:{p.port} ·{' '}
              {t('printers.line', { chars: p.charsPerLine })}
              {p.receipts && <span className="badge">{t('printers.receipts')}</span>}{' '}
              <button className="btn btn--small" onClick={() => test.mutate({ printerId: p.id })}>
                {t('printers.test', { name: p.name })}
              </button>{' '}
              <button
                className="btn btn--small btn--danger"
                onClick={() => remove.mutate({ printerId: p.id })}
              >
                {t('printers.remove', { name: p.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="filters" onSubmit={add}>
        <label className="field">
          <span>{t('printers.name')}</span>
          <input name="name" required maxLength={40} placeholder={t('printers.nameHint')} />
        </label>
        <label className="field field--grow">
          <span>{t('printers.host')}</span>
          <input name="host" required maxLength={253} placeholder="192.168.1.50" />
        </label>
        <label className="field">
          <span>{t('printers.port')}</span>
          <input name="port" type="number" min={9100} max={9109} defaultValue={9100} />
        </label>
        <label className="field">
          <span>{t('printers.chars')}</span>
          <input name="charsPerLine" type="number" min={24} max={64} defaultValue={42} />
        </label>
        <label className="check">
          <input name="receipts" type="checkbox" /> {t('printers.printsReceipts')}
        </label>
        <button className="btn">{t('printers.add')}</button>
      </form>
      {printers.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('printers.station')}</th>
              <th scope="col">{t('printers.printer')}</th>
              <th scope="col">{t('printers.prints')}</th>
            </tr>
          </thead>
          <tbody>
            {stations.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.name}</th>
                <td>
                  <select
                    aria-label={t('printers.printerFor', { station: s.name })}
                    value={s.printerId ?? ''}
                    onChange={(e) =>
                      station.mutate({
                        stationId: s.id,
                        printerId: e.target.value || null,
                        printMode: s.printMode === 'never' ? 'always' : s.printMode,
                      })
                    }
                  >
                    <option value="">{t('printers.noPrinter')}</option>
                    {printers.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={t('printers.whenPrints', { station: s.name })}
                    value={s.printMode}
                    disabled={!s.printerId}
                    onChange={(e) =>
                      station.mutate({
                        stationId: s.id,
                        printerId: s.printerId,
                        printMode: e.target.value as Mode,
                      })
                    }
                  >
                    {MODES.map((m) => (
                      <option key={m} value={m}>
                        {t(`printers.modes.${m}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
