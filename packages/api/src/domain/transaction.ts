import { actForStore, actForStoreAt, executeRows, WORK_ACROSS_STORES } from '@kds/db';
import { sql, type SQL } from 'drizzle-orm';
import type { PgTransactionConfig } from 'drizzle-orm/pg-core';
import {
  inTransaction,
  type Database,
  type DomainContext,
  type Transaction,
  type TxContext,
} from './context.ts';
import { NotFoundError } from './errors.ts';

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
  if (inTransaction(ctx)) return fn(ctx);
  const hooks: (() => void)[] = [];
  const result = await ctx.db.transaction(
    (db) => fn({ ...ctx, db, storeId: null, afterCommit: (hook) => hooks.push(hook) }),
    config,
  );
  for (const hook of hooks) hook();
  return result;
}

/** A transaction that acts for a store was asked to do something else: a bug, refused. */
const actingAlready = (storeId: string, asked: string) =>
  new Error(`a transaction acting for store ${storeId} was asked to ${asked}`);

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
        await tx.db.execute(actForStore(storeId));
        // The setting lasts until the transaction ends, so the whole of it now acts for the store.
        tx.storeId = storeId;
      } else if (tx.storeId !== storeId) {
        throw actingAlready(tx.storeId, `act for ${storeId}`);
      }
      return fn(tx);
    },
    config,
  );
}

/**
 * `inStore` for the store at a guest's address: one statement finds the store by its slug
 * (`kds_store_id_at`, a database function that answers nothing but the id) and states it, so a
 * guest's transaction never works across stores. Not found: `NotFoundError`.
 */
export async function inStoreAtAddress<T>(
  ctx: DomainContext | TxContext,
  slug: string,
  fn: (ctx: TxContext, storeId: string) => Promise<T>,
  config?: PgTransactionConfig,
): Promise<T> {
  return withTransaction(
    ctx,
    async (tx) => {
      if (tx.storeId !== null) throw actingAlready(tx.storeId, 'act for another');
      const [stated] = await executeRows<{ store_id: string | null }>(tx.db, actForStoreAt(slug));
      if (!stated?.store_id) throw new NotFoundError('store', { storeSlug: slug });
      tx.storeId = stated.store_id;
      return fn(tx, stated.store_id);
    },
    config,
  );
}

/**
 * The paths that read or write across stores by design, each reviewed (decision 0019): the only
 * transactions that work as the tables' owner, unrestricted by the policies. Each finds what it
 * is asked for by something that names no store, and narrows to the store once it knows it
 * wherever the rest of its work allows.
 */
export type CrossStorePath =
  /** An account's stores, by its email and password. */
  | 'sign-in'
  /** The principal behind a bearer token or cookie, and whether live ones still hold. */
  | 'session'
  /** An order by the token in a guest's tracker link. */
  | 'tracker-by-token'
  /** A payment or message by the provider's id (Stripe, Twilio). */
  | 'provider-webhook'
  /** Due work of every store: outbox, expiry, escalations, reports, retention, chits. */
  | 'job-runner'
  /** The first store of an install, and an owner's next one: a store that does not exist yet. */
  | 'store-opening'
  /** One account's memberships, sessions and ranks at every one of its stores. */
  | 'account'
  /** An invitation by the token in its link. */
  | 'invitation-link'
  /** A screen by the pairing code typed on it. */
  | 'screen-pairing'
  /** Screens and queues of every store, for the operator's /metrics. */
  | 'operator-metrics'
  /** A slug no other store has, or had: a store's address is unique across stores. */
  | 'store-address';

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
      if (tx.storeId !== null) throw actingAlready(tx.storeId, `cross stores (${path})`);
      await tx.db.execute(sql.raw(WORK_ACROSS_STORES));
      return fn(tx);
    },
    config,
  );
}

/** `inStore` where there is no request context (a job given the database only). */
export async function inStoreOn<T>(
  db: Database,
  storeId: string,
  fn: (tx: Transaction) => Promise<T>,
): Promise<T> {
  return transactionAfter(db, actForStore(storeId), fn);
}

/** `acrossStores` where there is no request context yet (the principal behind a token). */
export async function acrossStoresOn<T>(
  db: Database,
  path: CrossStorePath,
  fn: (tx: Transaction) => Promise<T>,
): Promise<T> {
  return transactionAfter(db, sql.raw(WORK_ACROSS_STORES), fn);
}

/** A transaction whose first statement says whom it works for. */
function transactionAfter<T>(db: Database, first: SQL, fn: (tx: Transaction) => Promise<T>) {
  return db.transaction(async (tx) => {
    await tx.execute(first);
    return fn(tx);
  });
}
