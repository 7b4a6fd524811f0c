import { staff, type Order, type Store } from '@kds/db';
import { isLanguage, type Language } from '@kds/i18n';
import { eq } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';

/** What a person reads the kitchen and admin in: their own choice, else the store's. */
export function staffLanguageOf(
  own: string | null | undefined,
  store: Pick<Store, 'staffLanguage'>,
): Language {
  if (isLanguage(own)) return own;
  return isLanguage(store.staffLanguage) ? store.staffLanguage : 'en';
}

/** The language of the staff member signed in, in `store`; the store's without one. */
export async function readerLanguageOf(
  ctx: DomainContext,
  store: Pick<Store, 'staffLanguage'>,
): Promise<Language> {
  const staffId = ctx.principal?.kind === 'staff' ? ctx.principal.staffId : null;
  if (!staffId) return staffLanguageOf(null, store);
  const [me] = await ctx.db
    .select({ language: staff.language })
    .from(staff)
    .where(eq(staff.id, staffId));
  return staffLanguageOf(me?.language, store);
}

/** The language a guest's messages go out in: the one they ordered in, else the store's first. */
export function guestLanguageOf(store: Store, order: Pick<Order, 'language'> | null): Language {
  if (isLanguage(order?.language) && store.guestLanguages.includes(order.language)) {
    return order.language;
  }
  return store.guestLanguages.find(isLanguage) ?? 'en';
}

/** What a guest's page needs to speak and tell the time as the store does. */
export function guestLocaleOf(store: Store) {
  return {
    locale: store.locale,
    timezone: store.timezone,
    guestLanguages: store.guestLanguages.filter(isLanguage),
  };
}
