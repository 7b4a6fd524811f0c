import { auditLog, type Database, type Transaction } from '@kds/db';
import type { Principal } from './context.ts';

/** Who may leave a mark in the audit log: a person, or an integration by its API key. */
export type Auditor = Extract<Principal, { kind: 'staff' | 'apiKey' }>;

/** What a staff member or an API key changed: written in the same transaction as the change. */
export async function recordAudit(
  tx: Transaction | Database,
  who: Auditor,
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
    staffId: who.kind === 'staff' ? who.staffId : null,
    apiKeyId: who.kind === 'apiKey' ? who.apiKeyId : null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
