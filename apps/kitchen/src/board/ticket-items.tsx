import { useTranslation } from '@kds/i18n/react';
import type { TicketItem } from './types.ts';
import { UNDO_MS } from './use-ticket-actions.ts';

/** A kitchen label that takes something away ("NO onion", "SIN cebolla") stands out in red. */
const WITHOUT = /^(NO|SIN)\b/;

/**
 * A ticket's items, with their choices, allergens and notes. At a station (`tappable`) a tap
 * marks an item done, and a tap within the undo time brings it back.
 */
export function TicketItems(props: {
  number: number;
  items: TicketItem[];
  tappable: boolean;
  serverNow: number;
  disabled: boolean;
  onItem(item: TicketItem): void;
}) {
  const { t } = useTranslation('kitchen');
  return (
    // Focusable: a ticket taller than the screen scrolls here, by touch or by keyboard.
    <ul
      className="ticket__items"
      tabIndex={0}
      aria-label={t('ticket.items', { number: props.number })}
    >
      {props.items.map((item) => {
        const undoable =
          item.status === 'done' &&
          item.bumpedAt !== null &&
          props.serverNow - new Date(item.bumpedAt).getTime() < UNDO_MS;
        const tappable = props.tappable && (item.status === 'queued' || undoable);
        return (
          <li key={item.id} className={`item item--${item.status}`}>
            {tappable ? (
              <button
                type="button"
                className="item__tap"
                disabled={props.disabled}
                onClick={(e) => {
                  e.stopPropagation();
                  props.onItem(item);
                }}
              >
                <ItemLine item={item} />
                {/* The visible words name the button; what a tap does is said after them. */}
                <span className="visually-hidden">
                  {item.status === 'done' ? t('ticket.bringBack') : t('ticket.markDone')}
                </span>
              </button>
            ) : (
              <ItemLine item={item} />
            )}
          </li>
        );
      })}
    </ul>
  );
}

function ItemLine({ item }: { item: TicketItem }) {
  const { t } = useTranslation('kitchen');
  return (
    <>
      <span className="item__line">
        <span className="item__qty">{item.quantity}×</span> {item.name}
        {item.status === 'done' && <span className="visually-hidden">{t('ticket.done')}</span>}
      </span>
      {item.modifiers.length > 0 && (
        <span className="item__mods">
          {item.modifiers.map((m) => (
            <span key={m} className={WITHOUT.test(m) ? 'mod mod--no' : 'mod'}>
              {m}
            </span>
          ))}
        </span>
      )}
      {item.allergens.length > 0 && (
        <span className="item__allergens">
          {t('ticket.allergens', { allergens: item.allergens.join(', ') })}
        </span>
      )}
      {item.notes && <span className="item__note">{t('ticket.note', { note: item.notes })}</span>}
    </>
  );
}
