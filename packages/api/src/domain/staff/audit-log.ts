import { auditLog, staff } from '@kds/db';
import { and, desc, eq, lt, or } from 'drizzle-orm';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { ForbiddenError } from '../errors.ts';
import type { AuditListInput } from './schemas.ts';

/** Every staff change to menu, settings, staff, orders and money, newest first: owners only. */
export async function listAudit({ ctx, input }: { ctx: DomainContext; input: AuditListInput }) {
  const owner = requireManager(ctx);
  if (owner.role !== 'owner') throw new ForbiddenError('only an owner reads the audit log');
  const rows = await ctx.db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      createdAt: auditLog.createdAt,
      who: staff.name,
    })
    .from(auditLog)
    .leftJoin(staff, eq(staff.id, auditLog.staffId))
    .where(
      and(
        eq(auditLog.storeId, owner.storeId),
        input.entity ? eq(auditLog.entity, input.entity) : undefined,
        input.cursor
          ? or(
              lt(auditLog.createdAt, new Date(input.cursor.createdAt)),
              and(
                eq(auditLog.createdAt, new Date(input.cursor.createdAt)),
                lt(auditLog.id, input.cursor.id),
              ),
            )
          : undefined,
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(input.limit);
  const last = rows.at(-1);
  return {
    entries: rows,
    next:
      rows.length === input.limit && last
        ? { createdAt: last.createdAt.toISOString(), id: last.id }
        : null,
  };
}
