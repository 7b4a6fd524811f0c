import { orders, storeSlugAliases, stores, type Queryable, type Store } from '@kds/db';
import { and, eq, ne } from 'drizzle-orm';
import type { PgTransactionConfig } from 'drizzle-orm/pg-core';
import type { DomainContext, TxContext } from '../context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { acrossStores, inStoreAtAddress } from '../transaction.ts';

/**
 * Runs `fn` for the store at a guest's address (its slug, or one it had before: QR codes
 * printed before a rename keep working), in a transaction that acts for that store only.
 */
export async function inStoreAt<T>(
  ctx: DomainContext | TxContext,
  slug: string,
  fn: (tx: TxContext, store: Store) => Promise<T>,
  config?: PgTransactionConfig,
): Promise<T> {
  return inStoreAtAddress(
    ctx,
    slug,
    async (tx, storeId) => {
      const [store] = await tx.db.select().from(stores).where(eq(stores.id, storeId));
      if (!store) throw new NotFoundError('store', { storeSlug: slug });
      return fn(tx, store);
    },
    config,
  );
}

/** The store at a guest's address (see `inStoreAt`). */
export async function storeAt(ctx: DomainContext | TxContext, slug: string): Promise<Store> {
  return inStoreAt(ctx, slug, async (_tx, store) => store);
}

/**
 * Makes sure `slug` may become `storeId`'s address: no other store uses it now or used it
 * before (its old QR codes would lead that store's guests here). Its own former slug is fine.
 */
export async function claimSlug(db: Queryable, slug: string, storeId: string | null) {
  const former = await assertSlugFree(db, slug, storeId);
  if (former) await db.delete(storeSlugAliases).where(eq(storeSlugAliases.slug, slug));
}

/**
 * Refuses `slug` when another store has it now or had it (see `claimSlug`); returns its own
 * former use of it, if any. Only a transaction that sees every store sees them all: a store's
 * own transaction asks `slugFreeAcrossStores` first.
 */
async function assertSlugFree(db: Queryable, slug: string, storeId: string | null) {
  const [taken] = await db
    .select({ id: stores.id })
    .from(stores)
    .where(storeId ? and(eq(stores.slug, slug), ne(stores.id, storeId)) : eq(stores.slug, slug));
  const [former] = await db
    .select({ storeId: storeSlugAliases.storeId })
    .from(storeSlugAliases)
    .where(eq(storeSlugAliases.slug, slug));
  if (taken || (former && former.storeId !== storeId)) {
    throw new ConflictError(
      { key: 'admin.slugTaken', values: { slug } },
      {
        problems: [{ path: ['slug'], code: 'SLUG_TAKEN' }],
      },
    );
  }
  return former;
}

/** The check of `claimSlug` across stores, before a store's own transaction renames it. */
export async function slugFreeAcrossStores(ctx: DomainContext, slug: string, storeId: string) {
  await acrossStores(ctx, 'store-address', ({ db }) => assertSlugFree(db, slug, storeId));
}

/** A store's address changes: the old one stays an alias, so printed QR codes still work. */
export async function renameSlug(db: Queryable, store: Store, slug: string) {
  if (slug === store.slug) return;
  await claimSlug(db, slug, store.id);
  await db.insert(storeSlugAliases).values({ slug: store.slug, storeId: store.id });
}

/** Prices and reports are in the store's currency: it changes only before the first order. */
export async function assertCurrencyMayChange(db: Queryable, store: Store, currency: string) {
  if (currency === store.currency) return;
  const [order] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(eq(orders.storeId, store.id))
    .limit(1);
  if (order) {
    throw new ValidationError(
      { key: 'admin.currencyLocked', values: { currency: store.currency } },
      { problems: [{ path: ['currency'], code: 'CURRENCY_LOCKED' }] },
    );
  }
}
