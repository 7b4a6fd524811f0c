import { useTranslation } from '@kds/i18n/react';
import type { FormEvent } from 'react';
import type { Inputs, Outputs } from '../shared/types.ts';
import { Field } from '../shared/field.tsx';

const MODES = ['never', 'always', 'fallback'] as const;
type Mode = (typeof MODES)[number];
type Printers = Outputs['printing']['printers'];

/** A new printer: its name, where it is on the network, and its paper's width. */
export function AddPrinterForm({
  add,
}: {
  add: (printer: Inputs['printing']['savePrinter']) => void;
}) {
  const { t } = useTranslation('admin');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    add({
      name: String(data.get('name')),
      host: String(data.get('host')),
      port: Number(data.get('port')) || 9100,
      charsPerLine: Number(data.get('charsPerLine')) || 42,
      receipts: data.get('receipts') === 'on',
    });
    event.currentTarget.reset();
  };
  return (
    <form className="filters" onSubmit={submit}>
      <Field
        label={t('printers.name')}
        name="name"
        required
        maxLength={40}
        placeholder={t('printers.nameHint')}
      />
      <Field
        label={t('printers.host')}
        grow
        name="host"
        required
        maxLength={253}
        placeholder="192.168.1.50"
      />
      <Field
        label={t('printers.port')}
        name="port"
        type="number"
        min={9100}
        max={9109}
        defaultValue={9100}
      />
      <Field
        label={t('printers.chars')}
        name="charsPerLine"
        type="number"
        min={24}
        max={64}
        defaultValue={42}
      />
      <label className="check">
        <input name="receipts" type="checkbox" /> {t('printers.printsReceipts')}
      </label>
      <button className="btn">{t('printers.add')}</button>
    </form>
  );
}

/** Which printer each station prints on, and when: always, or only as a dead screen's backup. */
export function StationPrinters({
  stations,
  printers,
  set,
}: {
  stations: Printers['stations'];
  printers: Printers['printers'];
  set: (value: Inputs['printing']['setStation']) => void;
}) {
  const { t } = useTranslation('admin');
  return (
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
                  set({
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
                  set({
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
  );
}
