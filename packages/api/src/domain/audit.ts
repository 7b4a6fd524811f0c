import { auditLog, type Database, type Transaction } from '@kds/db';
import type { Principal } from './context.ts';

/**
 * Who leaves a mark in the audit log, at which store: a person, an integration by its API key,
 * a paired kitchen screen (named in what it changed), or the system (a job, first-run setup),
 * on behalf of a person when there is one.
 */
export type Auditor =
  | Extract<Principal, { kind: 'staff' | 'apiKey' | 'device' }>
  | { kind: 'system'; storeId: string; staffId: string | null };

/** What someone or something changed: written in the same transaction as the change. */
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
    staffId: who.kind === 'staff' || who.kind === 'system' ? who.staffId : null,
    apiKeyId: who.kind === 'apiKey' ? who.apiKeyId : null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after:
      who.kind === 'device'
        ? { ...(entry.after as Record<string, unknown>), deviceId: who.deviceId }
        : (entry.after ?? null),
  });
}
