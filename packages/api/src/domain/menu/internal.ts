import type { Transaction } from '@kds/db';
import { recordEvents } from '../record-events.ts';
import type { MenuChange } from '../../events/types.ts';
import { recordAudit } from '../audit.ts';
import type { StaffPrincipal } from '../auth/principal.ts';
import type { TxContext } from '../context.ts';

/** A menu edit in the audit log, in the edit's transaction. */
export const audit = (
  tx: Transaction,
  who: StaffPrincipal,
  action: string,
  entity: string,
  entityId: string,
  before: unknown,
  after: unknown,
) => recordAudit(tx, who, { action, entity, entityId, before, after });

/**
 * Tells open menus and kitchen screens that the menu changed, in the edit's transaction: they
 * read it again, so what they show is what checkout prices from the moment it commits.
 */
export const menuChanged = (tx: TxContext, storeId: string, change: MenuChange) =>
  recordEvents(tx, storeId, [{ type: 'menu.changed', orderId: null, payload: change }]);
