import { useTRPC } from '@kds/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Notice, type Outcome } from '../shared/feedback.tsx';
import { useState } from 'react';
import { Card } from './fields.tsx';

const MODES = {
  never: 'Never',
  always: 'Every ticket',
  fallback: 'Only when its screen is offline or behind',
} as const;
type Mode = keyof typeof MODES;

/**
 * Network receipt printers (ESC/POS on port 9100) and what each station prints on them. A
 * station that prints "only when its screen is offline or behind" is the paper backup for a
 * wall screen that died.
 */
export function PrintersCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.printing.printers.queryOptions());
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const done = (text: string) => ({
    onSuccess: () => {
      setOutcome({ ok: true, text });
      void queryClient.invalidateQueries(trpc.printing.printers.pathFilter());
    },
    onError: (e: { message: string }) => setOutcome({ ok: false, text: e.message }),
  });
  const save = useMutation(trpc.printing.savePrinter.mutationOptions(done('Printer saved.')));
  const remove = useMutation(trpc.printing.removePrinter.mutationOptions(done('Printer removed.')));
  const station = useMutation(trpc.printing.setStation.mutationOptions(done('Station saved.')));
  const test = useMutation(
    trpc.printing.testPage.mutationOptions(done('Test page queued: see Messages for the result.')),
  );
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
    <Card
      title="Printers"
      hint="Kitchen printers on the restaurant's network, reached on a raw printing port (9100 to 9109). Print jobs that fail are retried and listed in Messages."
    >
      <Notice outcome={outcome} />
      {printers.length === 0 ? (
        <p className="muted">No printers yet.</p>
      ) : (
        <ul className="plain">
          {printers.map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong> {p.host}:{p.port} · {p.charsPerLine} characters a line
              {p.receipts && <span className="badge">receipts</span>}{' '}
              <button className="btn btn--small" onClick={() => test.mutate({ printerId: p.id })}>
                Print a test page on {p.name}
              </button>{' '}
              <button
                className="btn btn--small btn--danger"
                onClick={() => remove.mutate({ printerId: p.id })}
              >
                Remove {p.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="filters" onSubmit={add}>
        <label className="field">
          <span>Name</span>
          <input name="name" required maxLength={40} placeholder="Pass" />
        </label>
        <label className="field field--grow">
          <span>Address on the network</span>
          <input name="host" required maxLength={253} placeholder="192.168.1.50" />
        </label>
        <label className="field">
          <span>Port</span>
          <input name="port" type="number" min={9100} max={9109} defaultValue={9100} />
        </label>
        <label className="field">
          <span>Characters a line</span>
          <input name="charsPerLine" type="number" min={24} max={64} defaultValue={42} />
        </label>
        <label className="check">
          <input name="receipts" type="checkbox" /> Prints receipts
        </label>
        <button className="btn">Add printer</button>
      </form>
      {printers.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Station</th>
              <th scope="col">Printer</th>
              <th scope="col">Prints</th>
            </tr>
          </thead>
          <tbody>
            {stations.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.name}</th>
                <td>
                  <select
                    aria-label={`Printer for ${s.name}`}
                    value={s.printerId ?? ''}
                    onChange={(e) =>
                      station.mutate({
                        stationId: s.id,
                        printerId: e.target.value || null,
                        printMode: s.printMode === 'never' ? 'always' : s.printMode,
                      })
                    }
                  >
                    <option value="">No printer</option>
                    {printers.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={`When ${s.name} prints`}
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
                    {(Object.keys(MODES) as Mode[]).map((m) => (
                      <option key={m} value={m}>
                        {MODES[m]}
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
