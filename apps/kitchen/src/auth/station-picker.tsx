import { useTRPCClient } from '@kds/ui';
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
  const client = useTRPCClient();
  const [pairing, setPairing] = useState<{ code: string; station: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const isManager = config.screen.role === 'owner' || config.screen.role === 'manager';

  const createCode = async (stationId: string, name: string) => {
    try {
      const { code } = await client.device.createPairingCode.mutate({
        name: `${name} screen`,
        stationId,
      });
      setPairing({ code, station: name });
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <main className="picker">
      <h1>{config.store.name}: choose a station</h1>
      <ul className="picker__list">
        {config.stations.map((s) => (
          <li key={s.id}>
            <button type="button" className="btn btn--station" onClick={() => choose(s.id)}>
              {s.name}
              <small>{s.kind === 'expo' ? 'whole tickets, ready' : 'its own items'}</small>
            </button>
            {isManager && (
              <button type="button" className="btn" onClick={() => void createCode(s.id, s.name)}>
                Pair a {s.name} screen
              </button>
            )}
          </li>
        ))}
      </ul>
      {pairing && (
        <p className="picker__code" role="status">
          On the {pairing.station} screen, choose “Pair this screen” and enter <b>{pairing.code}</b>{' '}
          (valid 10 minutes, once).
        </p>
      )}
      {error && <p role="alert">{error}</p>}
      <button type="button" className="btn" onClick={() => tokenStore.set(null)}>
        Sign out
      </button>
    </main>
  );
}
