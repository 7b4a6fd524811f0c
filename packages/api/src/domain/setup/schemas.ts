import { z } from 'zod';
import { NewPassword } from '../auth/schemas.ts';
import { LANGUAGES } from '@kds/i18n';
import {
  Currency,
  GuestLanguages,
  OpeningHours,
  StoreLocale,
  StoreLocation,
  StoreSlug,
  TimeZone,
} from '../stores/schemas.ts';

/** A new store: what the first-run page, `kds setup` and "Add a store" ask for. */
export const NewStoreInput = z.object({
  name: z.string().trim().min(1).max(80),
  slug: StoreSlug,
  timezone: TimeZone,
  currency: Currency,
  /** Its region's clock and formats, and the languages staff and guests read. */
  locale: StoreLocale.optional(),
  staffLanguage: z.enum(LANGUAGES).optional(),
  guestLanguages: GuestLanguages.optional(),
  /** Where deliveries start: coordinates, or a postcode the postcode service knows. */
  location: StoreLocation.optional(),
  postcode: z.string().trim().min(2).max(12).optional(),
  paymentMode: z.enum(['online', 'counter', 'both']),
  /** Tax added to the subtotal, in basis points (825 = 8.25 %); 0 when prices include it. */
  taxRateBps: z.number().int().min(0).max(5000).default(0),
  openingHours: OpeningHours,
});
export type NewStoreInput = z.infer<typeof NewStoreInput>;

export const NewOwnerInput = z.object({
  name: z.string().trim().min(1).max(80),
  email: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase()),
  password: NewPassword,
});
export type NewOwnerInput = z.infer<typeof NewOwnerInput>;

/** The first-run page: the one-time code from the server's log, the owner, the first store. */
export const FirstRunInput = z.object({
  code: z.string().trim().min(1).max(64),
  owner: NewOwnerInput,
  store: NewStoreInput,
});
export type FirstRunInput = z.infer<typeof FirstRunInput>;
