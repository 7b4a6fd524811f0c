import { OrderEntry, PacingPanel } from '@kds/ui';
import type { useTicketActions } from '../board/use-ticket-actions.ts';
import type { KitchenConfig, Station, Ticket } from '../board/types.ts';
import type { Panel } from '../board/use-board-ui.ts';
import { allDay } from '../board/views.ts';
import { isFrontOfHouse } from '../board/top-bar.tsx';
import { DispatchForm, OnTheRoad } from './deliveries.tsx';
import { HelpPanel } from './help-panel.tsx';
import { PrintPanel } from './print-panel.tsx';

interface PanelsProps {
  panel: Panel;
  close(): void;
  tickets: Ticket[];
  station: Station | null;
  config: KitchenConfig;
  recallList: Ticket[];
  actions: ReturnType<typeof useTicketActions>;
}

/** The side panel that is open, if any. */
export function Panels(props: PanelsProps) {
  const { panel, close } = props;
  if (!panel) return null;
  const titles = {
    allDay: 'All day',
    recall: 'Recall',
    eightySix: '86 items',
    pacing: 'Pacing',
    print: 'Print',
    newOrder: 'New order',
    help: 'Keys and settings',
  };
  return (
    <aside
      className={`panel${panel === 'newOrder' ? ' panel--wide' : ''}`}
      aria-label={titles[panel]}
    >
      <header className="panel__head">
        <h2>{titles[panel]}</h2>
        <button type="button" className="btn" onClick={close}>
          Close
        </button>
      </header>
      {panel === 'allDay' && <AllDay tickets={props.tickets} station={props.station} />}
      {panel === 'recall' && (
        <Recall
          list={props.recallList}
          actions={props.actions}
          config={props.config}
          station={props.station}
        />
      )}
      {panel === 'eightySix' && (
        <EightySix config={props.config} station={props.station} actions={props.actions} />
      )}
      {panel === 'pacing' && <PacingPanel timeZone={props.config.store.timezone} />}
      {panel === 'print' && <PrintPanel tickets={[...props.tickets, ...props.recallList]} />}
      {panel === 'newOrder' && <OrderEntry storeSlug={props.config.store.slug} />}
      {panel === 'help' && <HelpPanel />}
    </aside>
  );
}

function AllDay({ tickets, station }: { tickets: Ticket[]; station: Station | null }) {
  const lines = allDay(tickets, station);
  if (lines.length === 0) return <p>Nothing to make.</p>;
  return (
    <table className="allday">
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Qty</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.name}>
            <th scope="row">
              {line.name}
              {line.modifiers.length > 0 && (
                <span className="allday__mods">
                  {line.modifiers.map((m) => `${m.label} ×${m.quantity}`).join(' · ')}
                </span>
              )}
            </th>
            <td className="allday__qty">{line.quantity}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Recall(props: {
  list: Ticket[];
  actions: PanelsProps['actions'];
  config: KitchenConfig;
  station: Station | null;
}) {
  const { list, actions, config } = props;
  const pass = isFrontOfHouse(config, props.station);
  return (
    <>
      {list.length === 0 && <p>Nothing bumped yet.</p>}
      <ul className="recall">
        {list.slice(0, 12).map((t) => (
          <li key={t.orderId}>
            <span>
              <b>#{t.number}</b> {t.customerName} · {t.status === 'READY' ? 'Ready' : 'Bumped here'}
            </span>
            <button
              type="button"
              className="btn"
              aria-label={`Recall order ${t.number}`}
              onClick={() => void actions.recall(t)}
            >
              Recall
            </button>
            {t.status === 'READY' && t.fulfilment === 'delivery' && pass && (
              <DispatchForm ticket={t} />
            )}
            {t.status === 'READY' && t.fulfilment !== 'delivery' && (
              <HandOver
                ticket={t}
                needsCode={config.store.pickupCodeRequired && t.fulfilment === 'pickup'}
                actions={actions}
              />
            )}
          </li>
        ))}
      </ul>
      {pass && <OnTheRoad />}
    </>
  );
}

function EightySix(props: {
  config: KitchenConfig;
  station: Station | null;
  actions: PanelsProps['actions'];
}) {
  const { config, station, actions } = props;
  const items = config.menuItems.filter(
    (i) => !station || station.kind !== 'prep' || i.stationId === station.id,
  );
  return (
    <ul className="eighty-six">
      {items.map((item) => (
        <li key={item.id} className={item.isAvailable ? '' : 'is-86'}>
          <span>
            {item.name} <small>{item.category}</small>
          </span>
          <span className="eighty-six__state">
            {item.isAvailable ? 'Available' : "86'd: sold out"}
          </span>
          <button
            type="button"
            className={`btn ${item.isAvailable ? 'btn--danger' : 'btn--primary'}`}
            aria-label={`${item.isAvailable ? '86' : 'Restore'} ${item.name}`}
            onClick={() => void actions.setAvailable(item.id, !item.isAvailable)}
          >
            {item.isAvailable ? '86' : 'Restore'}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Completes a ready order at the pass; asks for the guest's code where the store requires it. */
function HandOver(props: { ticket: Ticket; needsCode: boolean; actions: PanelsProps['actions'] }) {
  const { ticket, needsCode, actions } = props;
  return (
    <form
      className="handover"
      onSubmit={(e) => {
        e.preventDefault();
        const code = new FormData(e.currentTarget).get('code');
        void actions.complete(ticket, typeof code === 'string' ? code : undefined);
      }}
    >
      {needsCode && (
        <input
          name="code"
          inputMode="numeric"
          pattern="[0-9]{6}"
          maxLength={6}
          required
          aria-label={`Pickup code for order ${ticket.number}`}
          placeholder="Code"
        />
      )}
      <button className="btn btn--primary" aria-label={`Hand over order ${ticket.number}`}>
        Handed over
      </button>
    </form>
  );
}
