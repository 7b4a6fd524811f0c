import { inTransaction, type DomainContext } from '../context.ts';

/**
 * What a report or an export reads through: the read replica when there is one and it is close
 * enough behind the primary (DATABASE_REPLICA_MAX_LAG_SECONDS), else the primary itself. Reads
 * only: nothing a report does may write, and a replica would refuse it.
 */
export async function forReports(ctx: DomainContext): Promise<DomainContext> {
  // Inside a transaction, a report reads what that transaction sees.
  if (inTransaction(ctx)) return ctx;
  return ctx.replica && (await ctx.replica.isFresh()) ? { ...ctx, db: ctx.replica.db } : ctx;
}
