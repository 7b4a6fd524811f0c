import { reportSchedules, staff, staffMemberships, stores } from '@kds/db';
import { and, eq, isNull, ne, or } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';
import { enqueue } from '../outbox/enqueue.ts';
import { acrossStores, inStore } from '../transaction.ts';
import { latestPeriod } from './report-period.ts';

/**
 * Queues each report email whose period has come. A period is claimed with one conditional
 * update (`last_period` moves only once), and the email's dedupe key names it too: however many
 * instances run this, each period goes out once. A manager no longer at the store (removed or
 * suspended) is sent nothing.
 */
export async function sendScheduledReports(ctx: DomainContext): Promise<number> {
  const now = ctx.now();
  // Every store's schedules: the job runner's path across stores.
  const rows = await acrossStores(ctx, 'job-runner', ({ db }) =>
    db
      .select({ schedule: reportSchedules, store: stores, email: staff.email })
      .from(reportSchedules)
      .innerJoin(stores, eq(stores.id, reportSchedules.storeId))
      .innerJoin(staff, eq(staff.id, reportSchedules.staffId))
      .innerJoin(
        staffMemberships,
        and(
          eq(staffMemberships.staffId, reportSchedules.staffId),
          eq(staffMemberships.storeId, reportSchedules.storeId),
          isNull(staffMemberships.suspendedAt),
        ),
      ),
  );
  let queued = 0;
  for (const { schedule, store, email } of rows) {
    const period = latestPeriod(schedule, store.timezone, now);
    if (period.key === schedule.lastPeriod) continue;
    const claimed = await inStore(ctx, store.id, async (tx) => {
      const [row] = await tx.db
        .update(reportSchedules)
        .set({ lastPeriod: period.key })
        .where(
          and(
            eq(reportSchedules.id, schedule.id),
            or(isNull(reportSchedules.lastPeriod), ne(reportSchedules.lastPeriod, period.key)),
          ),
        )
        .returning({ id: reportSchedules.id });
      if (!row) return false;
      return enqueue(tx, {
        storeId: store.id,
        orderId: null,
        channel: 'email',
        dedupeKey: `report:${schedule.id}:${period.key}`,
        recipient: email,
        template: 'email.scheduled_report',
        payload: { kind: 'scheduled_report', frequency: schedule.frequency, ...period },
      });
    });
    if (claimed) queued += 1;
  }
  return queued;
}
