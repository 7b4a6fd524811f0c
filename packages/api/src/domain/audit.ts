import { auditLog, type Database, type Transaction } from '@kds/db';
import type { Principal } from './context.ts';

/** What a staff member changed: written in the same transaction as the change itself. */
export async function recordAudit(
  tx: Transaction | Database,
  who: Extract<Principal, { kind: 'staff' }>,
  entry: {
    action: string;
    entity: string;
    entityId?: string | null;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await tx.insert(auditLog).values({
    storeId: who.storeId,
    staffId: who.staffId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
