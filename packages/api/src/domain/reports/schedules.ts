import { reportSchedules, stores } from '@kds/db';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit.ts';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { inputError, NotFoundError } from '../errors.ts';
import { inStore } from '../transaction.ts';
import { latestPeriod } from './report-period.ts';

export const ReportScheduleInput = z
  .object({
    frequency: z.enum(['daily', 'weekly']),
    /** Weekly: 0 (Sunday) to 6. */
    weekday: z.number().int().min(0).max(6).optional(),
    sendAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, inputError('reportTime')),
  })
  .refine((s) => (s.frequency === 'weekly') === (s.weekday !== undefined), {
    path: ['weekday'],
    message: inputError('reportDay'),
  });
export type ReportScheduleInput = z.infer<typeof ReportScheduleInput>;

export const ReportScheduleIdInput = z.object({ id: z.uuid() });
export type ReportScheduleIdInput = z.infer<typeof ReportScheduleIdInput>;

/** The signed-in manager's own report emails for this store. */
export async function mySchedules({ ctx }: { ctx: DomainContext }) {
  const me = requireManager(ctx);
  return inStore(ctx, me.storeId, async (tx) => {
    return tx.db
      .select()
      .from(reportSchedules)
      .where(and(eq(reportSchedules.storeId, me.storeId), eq(reportSchedules.staffId, me.staffId)))
      .orderBy(asc(reportSchedules.frequency));
  });
}

/**
 * Subscribes the signed-in manager (one daily and one weekly at most; saving again changes the
 * time). The current period counts as sent: the first email is the next one, not a backlog.
 */
export async function saveSchedule({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: ReportScheduleInput;
}) {
  const me = requireManager(ctx);
  return inStore(ctx, me.storeId, async (tx) => {
    const [store] = await tx.db.select().from(stores).where(eq(stores.id, me.storeId));
    if (!store) throw new NotFoundError('store');
    const timing = {
      frequency: input.frequency,
      weekday: input.weekday ?? null,
      sendAt: input.sendAt,
    };
    const lastPeriod = latestPeriod(timing, store.timezone, tx.now()).key;
    const [saved] = await tx.db
      .insert(reportSchedules)
      .values({ storeId: me.storeId, staffId: me.staffId, ...timing, lastPeriod })
      .onConflictDoUpdate({
        target: [reportSchedules.storeId, reportSchedules.staffId, reportSchedules.frequency],
        set: { weekday: timing.weekday, sendAt: timing.sendAt, lastPeriod },
      })
      .returning();
    await recordAudit(tx.db, me, {
      action: 'report.scheduled',
      entity: 'report_schedule',
      entityId: saved?.id ?? null,
      after: timing,
    });
    return saved;
  });
}

export async function removeSchedule({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: ReportScheduleIdInput;
}) {
  const me = requireManager(ctx);
  return inStore(ctx, me.storeId, async (tx) => {
    const [removed] = await tx.db
      .delete(reportSchedules)
      .where(
        and(
          eq(reportSchedules.id, input.id),
          eq(reportSchedules.storeId, me.storeId),
          eq(reportSchedules.staffId, me.staffId),
        ),
      )
      .returning({ id: reportSchedules.id });
    if (!removed) throw new NotFoundError('reportEmail', { id: input.id });
    return removed;
  });
}
