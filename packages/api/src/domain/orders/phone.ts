import type { Store } from '@kds/db';
import { type ProblemWords, regionOf } from '@kds/i18n';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { problemError } from '../errors.ts';

/** The country a store's guests dial from unless they say otherwise ("MX" for es-MX). */
export function phoneCountryOf(store: Pick<Store, 'locale'>): CountryCode | undefined {
  return regionOf(store.locale) as CountryCode | undefined;
}

/**
 * A number as a guest typed it ("55 1234 5678" in Mexico City, "(555) 123-4567" in New York,
 * or "+52 …" from anywhere) in the international form texts and calls go to, or null when it
 * is not a phone number there.
 */
export function phoneInStore(store: Pick<Store, 'locale'>, typed: string): string | null {
  const number = parsePhoneNumberFromString(typed, phoneCountryOf(store));
  // Possible, not "valid": a number the carrier assigned last month must not be refused.
  return number?.isPossible() ? number.number : null;
}

/**
 * A typed number in international form, read with the store's country; one that is not a
 * number there is a PHONE_INVALID problem on `path`, the input it came from.
 */
export function internationalPhone(
  store: Pick<Store, 'locale'>,
  typed: string,
  path: (string | number)[],
): string {
  const phone = phoneInStore(store, typed);
  if (phone) return phone;
  const region = phoneCountryOf(store);
  const say: ProblemWords = region
    ? { key: 'phoneInvalid', values: { phoneRegion: region } }
    : { key: 'phoneInvalidAnywhere' };
  throw problemError(path, 'PHONE_INVALID', say);
}

/** The guest's number in international form; a number that is not one is a problem to fix. */
export function withInternationalPhone<T extends { customer: { phone?: string | undefined } }>(
  store: Pick<Store, 'locale'>,
  input: T,
): T {
  const typed = input.customer.phone;
  if (!typed) return input;
  const phone = internationalPhone(store, typed, ['customer', 'phone']);
  return { ...input, customer: { ...input.customer, phone } };
}
