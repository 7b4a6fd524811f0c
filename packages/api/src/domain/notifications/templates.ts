import type { MessageTemplateKey, Store } from '@kds/db';
import { catalogues, type Language } from '@kds/i18n';
import { guestLanguageOf } from '../stores/languages.ts';

/** What a template may say. Unknown placeholders are left as they are, so a typo is visible. */
export interface TemplateValues {
  store: string;
  number: number;
  /** The pickup code, or empty when the order has none. */
  code: string;
  link: string;
  /** Expected ready time in the store's clock ("12:45"), or empty. */
  eta: string;
  /** The order's total ("$18.40"). */
  total: string;
  /** Until when an unpaid order can be paid ("Tue 19:30"), or empty. */
  payBy: string;
  /** Minutes from payment to ready for an unpaid ASAP order, or empty. */
  wait: string;
  /** The driver's name once a delivery is on its way, or empty. */
  driver: string;
}

/** KDS's own wording in a language: short and transactional; `[... {code} ...]` is dropped when empty. */
export function defaultTemplates(language: Language): Record<MessageTemplateKey, string> {
  return catalogues[language].server.templates;
}

/** The wording a store edits from (its own replaces KDS's in its first guest language). */
export const DEFAULT_TEMPLATES = defaultTemplates('en');

export const TEMPLATE_PLACEHOLDERS = [
  'store',
  'number',
  'code',
  'link',
  'eta',
  'total',
  'payBy',
  'wait',
  'driver',
] as const;

/**
 * Fills a template. A bracketed part is kept only when every placeholder in it has a value,
 * so "[ Pickup code: {code}.]" disappears for a delivery.
 */
export function renderTemplate(template: string, values: TemplateValues): string {
  // Intl writes "4:44 PM" and "1 234" with narrow or no-break spaces; a text keeps to plain ones
  // (a single character outside GSM-7 halves what one SMS can hold).
  const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in values ? plain(String(values[name as keyof TemplateValues])) : whole,
    );
  return fill(
    template.replace(/\[([^\]]*)\]/g, (_, part: string) => {
      const names = [...part.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as keyof TemplateValues);
      return names.every((n) => values[n] !== '' && values[n] !== undefined) ? part : '';
    }),
  ).trim();
}

/**
 * What a guest is told. A store writes its own wording in its first guest language; a guest
 * who ordered in another language reads KDS's wording in theirs, not the store's in the wrong
 * language.
 */
export function templateFor(store: Store, key: MessageTemplateKey, language: Language): string {
  const own = store.settings.notifications.templates?.[key]?.trim();
  return own && language === guestLanguageOf(store, null) ? own : defaultTemplates(language)[key];
}
