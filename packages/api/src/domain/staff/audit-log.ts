import { apiKeys, auditLog, staff } from '@kds/db';
import { and, desc, eq, sql } from 'drizzle-orm';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { ForbiddenError } from '../errors.ts';
import type { AuditListInput } from './schemas.ts';
import { beyond, pageOf } from '../keyset.ts';
import { inStore } from '../transaction.ts';

/**
 * Every change by staff or an API key to menu, settings, staff, orders, money and integrations,
 * newest first: owners only.
 */
export async function listAudit({ ctx, input }: { ctx: DomainContext; input: AuditListInput }) {
  const owner = requireManager(ctx);
  return inStore(ctx, owner.storeId, async (tx) => {
    if (owner.role !== 'owner') throw new ForbiddenError({ key: 'access.ownerReadsAudit' });
    const rows = await tx.db
      .select({
        id: auditLog.id,
        action: auditLog.action,
        entity: auditLog.entity,
        entityId: auditLog.entityId,
        before: auditLog.before,
        after: auditLog.after,
        createdAt: auditLog.createdAt,
        // A person, or an integration by its key's name ("API key Till 2").
        who: sql<string | null>`coalesce(${staff.name}, 'API key ' || ${apiKeys.name})`,
      })
      .from(auditLog)
      .leftJoin(staff, eq(staff.id, auditLog.staffId))
      .leftJoin(apiKeys, eq(apiKeys.id, auditLog.apiKeyId))
      .where(
        and(
          eq(auditLog.storeId, owner.storeId),
          input.entity ? eq(auditLog.entity, input.entity) : undefined,
          beyond(auditLog, input.cursor),
        ),
      )
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(input.limit + 1);
    const { rows: entries, next } = pageOf(rows, input.limit);
    return { entries, next };
  });
}
