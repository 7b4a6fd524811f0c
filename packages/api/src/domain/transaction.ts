import { actForStore, WORK_ACROSS_STORES } from '@kds/db';
import { sql } from 'drizzle-orm';
import type { PgTransactionConfig } from 'drizzle-orm/pg-core';
import type { DomainContext, TxContext } from './context.ts';

/**
 * Runs `fn` in a transaction, reusing one that is already open. After-commit hooks (live event
 * delivery) run only once the outermost transaction has committed. `config` (isolation, read
 * only) applies to a transaction this call opens.
 */
export async function withTransaction<T>(
  ctx: DomainContext | TxContext,
  fn: (ctx: TxContext) => Promise<T>,
  config?: PgTransactionConfig,
): Promise<T> {
  if ('tx' in ctx) return fn(ctx);
  const hooks: (() => void)[] = [];
  const result = await ctx.db.transaction(
    // `db` is the transaction too: a helper that reads `ctx.db` inside it stays inside it
    // (and acts for its store), rather than taking another connection.
    (tx) => fn({ ...ctx, db: tx, tx, storeId: null, afterCommit: (hook) => hooks.push(hook) }),
    config,
  );
  for (const hook of hooks) hook();
  return result;
}

/**
 * Runs `fn` in a transaction that acts for one store (see `withTransaction`): it works as the
 * role `kds_app`, and the database's row-level security shows it that store's rows only, even
 * to a query that forgot to filter by store. A transaction acts for one store from its first
 * statement to its end; asking an open one to act for another is a bug, refused.
 */
export async function inStore<T>(
  ctx: DomainContext | TxContext,
  storeId: string,
  fn: (ctx: TxContext) => Promise<T>,
  config?: PgTransactionConfig,
): Promise<T> {
  return withTransaction(
    ctx,
    async (tx) => {
      if (tx.storeId === null) {
        await tx.tx.execute(actForStore(storeId));
        // The setting lasts until the transaction ends, so the whole of it now acts for the store.
        tx.storeId = storeId;
      } else if (tx.storeId !== storeId) {
        throw new Error(
          `a transaction acting for store ${tx.storeId} was asked to act for ${storeId}`,
        );
      }
      return fn(tx);
    },
    config,
  );
}

/**
 * The paths that read or write across stores by design, each reviewed (decision 0019): the only
 * transactions that work as the tables' owner, unrestricted by the policies.
 */
export type CrossStorePath =
  | 'sign-in'
  | 'session'
  | 'guest-by-store-address'
  | 'tracker-by-token'
  | 'provider-webhook'
  | 'job-runner'
  | 'first-run'
  | 'account'
  | 'invitation-link'
  | 'event-log';

/**
 * Runs `fn` in a transaction that works across stores (see `CrossStorePath`). It must not
 * act for a store already: a store's transaction never widens.
 */
export async function acrossStores<T>(
  ctx: DomainContext | TxContext,
  path: CrossStorePath,
  fn: (ctx: TxContext) => Promise<T>,
  config?: PgTransactionConfig,
): Promise<T> {
  return withTransaction(
    ctx,
    async (tx) => {
      if (tx.storeId !== null) {
        throw new Error(
          `a transaction acting for store ${tx.storeId} was asked to cross stores (${path})`,
        );
      }
      await tx.tx.execute(sql.raw(WORK_ACROSS_STORES));
      return fn(tx);
    },
    config,
  );
}
