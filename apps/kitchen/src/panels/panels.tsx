import { useTranslation } from '@kds/i18n/react';
import { OrderEntry, PacingPanel } from '@kds/ui';
import type { TicketActions } from '../board/use-ticket-actions.ts';
import type { KitchenConfig, Station, Ticket } from '../board/types.ts';
import type { Panel } from '../board/use-board-ui.ts';
import { allDay } from '../board/views.ts';
import { isFrontOfHouse } from '../board/top-bar.tsx';
import { DispatchForm, OnTheRoad } from './deliveries.tsx';
import { HandOver } from './hand-over.tsx';
import { HelpPanel } from './help-panel.tsx';
import { PrintPanel } from './print-panel.tsx';

export interface PanelsProps {
  panel: Panel;
  close(): void;
  tickets: Ticket[];
  station: Station | null;
  config: KitchenConfig;
  recallList: Ticket[];
  actions: TicketActions;
}

/** The side panel that is open, if any. */
export function Panels(props: PanelsProps) {
  const { t } = useTranslation('kitchen');
  const { t: tc } = useTranslation();
  const { panel, close } = props;
  if (!panel) return null;
  const title = t(`panels.titles.${panel}`);
  return (
    <aside className={`panel${panel === 'newOrder' ? ' panel--wide' : ''}`} aria-label={title}>
      <header className="panel__head">
        <h2>{title}</h2>
        <button type="button" className="btn" onClick={close}>
          {tc('close')}
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
      {panel === 'pacing' && <PacingPanel />}
      {panel === 'print' && <PrintPanel tickets={[...props.tickets, ...props.recallList]} />}
      {panel === 'newOrder' && <OrderEntry storeSlug={props.config.store.slug} />}
      {panel === 'help' && <HelpPanel screen={props.config.screen} />}
    </aside>
  );
}

function AllDay({ tickets, station }: { tickets: Ticket[]; station: Station | null }) {
  const { t } = useTranslation('kitchen');
  const lines = allDay(tickets, station);
  if (lines.length === 0) return <p>{t('panels.nothingToMake')}</p>;
  return (
    <table className="allday">
      <thead>
        <tr>
          <th scope="col">{t('panels.item')}</th>
          <th scope="col">{t('panels.qty')}</th>
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
  const { t } = useTranslation('kitchen');
  const { list, actions, config } = props;
  const pass = isFrontOfHouse(config, props.station);
  return (
    <>
      {list.length === 0 && <p>{t('panels.nothingBumped')}</p>}
      <ul className="recall">
        {list.slice(0, 12).map((ticket) => (
          <li key={ticket.orderId}>
            <span>
              <b>#{ticket.number}</b> {ticket.customerName} ·{' '}
              {ticket.status === 'READY' ? t('panels.ready') : t('panels.bumpedHere')}
            </span>
            <button
              type="button"
              className="btn"
              aria-label={t('panels.recallOrder', { number: ticket.number })}
              onClick={() => void actions.recall(ticket)}
            >
              {t('panels.recall')}
            </button>
            {ticket.status === 'READY' && ticket.fulfilment === 'delivery' && pass && (
              <DispatchForm ticket={ticket} />
            )}
            {ticket.status === 'READY' && ticket.fulfilment !== 'delivery' && (
              <HandOver
                ticket={ticket}
                needsCode={config.store.pickupCodeRequired && ticket.fulfilment === 'pickup'}
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
  const { t } = useTranslation('kitchen');
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
            {item.isAvailable ? t('panels.available') : t('panels.soldOut')}
          </span>
          <button
            type="button"
            className={`btn ${item.isAvailable ? 'btn--danger' : 'btn--primary'}`}
            aria-label={t(item.isAvailable ? 'panels.eightySixItem' : 'panels.restoreItem', {
              item: item.name,
            })}
            onClick={() => void actions.setAvailable(item.id, !item.isAvailable)}
          >
            {item.isAvailable ? t('panels.eightySix') : t('panels.restore')}
          </button>
        </li>
      ))}
    </ul>
  );
}
