import { staffMemberships } from '@kds/db';
import { recordAudit } from '../audit.ts';
import { requireStaff } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { ForbiddenError } from '../errors.ts';
import { acrossStores } from '../transaction.ts';
import { insertStore, newStoreSettings } from './internal.ts';
import type { NewStoreInput } from './schemas.ts';

/**
 * An owner opens another store: they own it, and switch to it with the store switcher. Its
 * menu, stations and staff start empty.
 */
export async function addStore({ ctx, input }: { ctx: DomainContext; input: NewStoreInput }) {
  const owner = requireStaff(ctx);
  if (owner.role !== 'owner') throw new ForbiddenError({ key: 'access.ownerOpensStores' });
  const settings = await newStoreSettings(input, {
    onlinePayments: ctx.payments !== null,
    geocoder: ctx.geocoder,
  });
  // A store that does not exist yet has no store to act for: its first rows are written as
  // the owner of the tables, then the store's own transactions take over.
  return acrossStores(ctx, 'store-opening', async ({ db }) => {
    const store = await insertStore(db, input, settings);
    await db
      .insert(staffMemberships)
      .values({ staffId: owner.staffId, storeId: store.id, role: 'owner' });
    await recordAudit(
      db,
      { ...owner, storeId: store.id },
      {
        action: 'store.created',
        entity: 'store',
        entityId: store.id,
        after: { name: store.name, slug: store.slug, openedFrom: owner.storeId },
      },
    );
    return { id: store.id, slug: store.slug, name: store.name };
  });
}
