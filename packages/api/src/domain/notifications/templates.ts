import type { MessageTemplateKey, Store } from '@kds/db';

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

/** Short and transactional; `[... {code} ...]` is dropped when there is no pickup code. */
export const DEFAULT_TEMPLATES: Record<MessageTemplateKey, string> = {
  smsConfirmation: '{store}: order #{number} received. Follow it: {link}[ Pickup code: {code}.]',
  smsStarted: '{store}: the kitchen is making order #{number}[, expected at {eta}].',
  smsReady: '{store}: order #{number} is ready![ Show code {code} at the counter.]',
  callReady: 'Hello from {store}. Your order number {number} is ready. Please come to the counter.',
  smsOnTheWay: '{store}: order #{number} is on its way[ with {driver}]. Follow it: {link}',
  smsPaymentLink:
    '{store}: pay for order #{number} ({total}) here: {link}[ The link works until {payBy}.][ Ready about {wait} min after you pay.][ Ready at {eta}.]',
};

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
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in values ? String(values[name as keyof TemplateValues]) : whole,
    );
  return fill(
    template.replace(/\[([^\]]*)\]/g, (_, part: string) => {
      const names = [...part.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as keyof TemplateValues);
      return names.every((n) => values[n] !== '' && values[n] !== undefined) ? part : '';
    }),
  ).trim();
}

export function templateFor(store: Store, key: MessageTemplateKey): string {
  return store.settings.notifications.templates?.[key]?.trim() || DEFAULT_TEMPLATES[key];
}
