import { useTranslation } from '@kds/i18n/react';
import { messageFor, useTRPC } from '@kds/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Notice, type Outcome } from '../shared/feedback.tsx';
import { useState } from 'react';
import { Card } from './fields.tsx';
import { AddPrinterForm, StationPrinters } from './printer-forms.tsx';

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
      <AddPrinterForm add={(printer) => save.mutate(printer)} />
      {printers.length > 0 && (
        <StationPrinters stations={stations} printers={printers} set={(v) => station.mutate(v)} />
      )}
    </Card>
  );
}
