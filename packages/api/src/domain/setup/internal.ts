import type { ErrorWords } from '@kds/i18n';
import {
  defaultStoreSettings,
  staff,
  staffMemberships,
  stores,
  type Queryable,
  type StoreSettings,
} from '@kds/db';
import { eq } from 'drizzle-orm';
import { ConflictError, ValidationError } from '../errors.ts';
import type { Geocoder } from '../stores/location.ts';
import { claimSlug } from '../stores/store-slug.ts';
import type { NewStoreInput } from './schemas.ts';

/** What the server can offer a new store: online payment (Stripe keys), a postcode service. */
export interface StoreServices {
  onlinePayments: boolean;
  geocoder: Geocoder | null;
}

/**
 * What a new store starts with: the owner's answers over the product's defaults. No demo
 * location: without one, a store does not deliver until it says where it is.
 */
export async function newStoreSettings(
  input: NewStoreInput,
  services: StoreServices,
): Promise<StoreSettings> {
  if (input.paymentMode !== 'counter' && !services.onlinePayments) {
    throw new ValidationError(
      { key: 'setup.stripeNeeded' },
      { problems: [{ path: ['store', 'paymentMode'], code: 'PAYMENTS_NOT_CONFIGURED' }] },
    );
  }
  const { location: _demo, ...defaults } = defaultStoreSettings;
  const location = input.location ?? (await locate(input.postcode, services.geocoder));
  return {
    ...defaults,
    paymentMode: input.paymentMode,
    taxRateBps: input.taxRateBps,
    ...(location ? { location } : {}),
  };
}

async function locate(postcode: string | undefined, geocoder: Geocoder | null) {
  if (postcode === undefined) return undefined;
  const problem = (say: ErrorWords) =>
    new ValidationError(say, {
      problems: [{ path: ['store', 'postcode'], code: 'POSTCODE_UNKNOWN' }],
    });
  if (!geocoder) throw problem({ key: 'setup.noGeocoder' });
  const found = await geocoder.locate({ postcode });
  if (!found) throw problem({ key: 'setup.unknownPostcode', values: { postcode } });
  return found;
}

/** Inserts the store; the slug must be free (not another store's, now or before). */
export async function insertStore(tx: Queryable, input: NewStoreInput, settings: StoreSettings) {
  await claimSlug(tx, input.slug, null);
  const [store] = await tx
    .insert(stores)
    .values({
      slug: input.slug,
      name: input.name,
      timezone: input.timezone,
      currency: input.currency,
      // Left out, the columns' defaults: en-US, English.
      locale: input.locale,
      staffLanguage: input.staffLanguage,
      guestLanguages: input.guestLanguages,
      openingHours: input.openingHours,
      settings,
    })
    .returning();
  if (!store) throw new Error('store insert returned nothing');
  return store;
}

/** The owner's account (new) and membership of the store. */
export async function insertOwner(
  tx: Queryable,
  storeId: string,
  owner: { name: string; email: string; passwordHash: string },
) {
  const [existing] = await tx
    .select({ id: staff.id })
    .from(staff)
    .where(eq(staff.email, owner.email));
  if (existing) throw new ConflictError({ key: 'signIn.accountExists' });
  const [account] = await tx.insert(staff).values(owner).returning();
  if (!account) throw new Error('account insert returned nothing');
  await tx.insert(staffMemberships).values({ staffId: account.id, storeId, role: 'owner' });
  return account;
}
