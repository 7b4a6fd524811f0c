/**
 * Money, in every currency a store may choose. An amount is a whole number of the currency's
 * minor units as people write them (cents for USD and MXN, yen for JPY, fils for KWD); the
 * `…Cents` fields of the API and the database hold minor units in this sense. Nothing else in
 * the code divides by 100. Pure, with no server dependency: the apps import it through
 * `@kds/api/client`.
 */

// Decimals of each currency as people write it, from the Unicode CLDR (48), which is what
// Intl.NumberFormat formats with; every currency not listed has 2. Pinned here rather than asked
// of Intl at run time, because stored amounts mean minor units: a browser or Node with other
// data must not read 1840 yen as 18.40. `money.test.ts` fails when Intl disagrees.
const ZERO_DECIMAL = new Set(
  'AFN ALL BIF CLP COP DJF GNF HUF IDR IQD IRR ISK JPY KMF KPW KRW LAK LBP MGA MMK PKR PYG RWF SLL SOS SYP UGX VND VUV XAF XOF XPF YER'.split(
    ' ',
  ),
);
const THREE_DECIMAL = new Set(['BHD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);

/** How many decimals the currency's minor unit has: 2 for USD, 0 for JPY, 3 for KWD. */
export function currencyDigits(currency: string): number {
  const code = currency.toUpperCase();
  if (ZERO_DECIMAL.has(code)) return 0;
  return THREE_DECIMAL.has(code) ? 3 : 2;
}

/**
 * The smallest amount, in minor units, that can be charged: card networks take the three-decimal
 * currencies in tens of their minor unit (Stripe refuses a last digit other than 0), so taxes,
 * discounts and tips there are rounded to 10. Every other currency: 1.
 */
export function currencyStep(currency: string): number {
  return THREE_DECIMAL.has(currency.toUpperCase()) ? 10 : 1;
}

/** The step as written in files and messages: "0.010" for KWD (`currencyStep`). */
export function stepText(currency: string): string {
  return toDecimalString(currencyStep(currency), currency);
}

/** `amount` rounded half up to the currency's step (tax, percentage discounts, tips). */
function roundToStep(amount: number, currency: string): number {
  const step = currencyStep(currency);
  return Math.round(amount / step) * step;
}

/** `amount` rounded down to the currency's step: a discount never gives more than it says. */
export function floorToStep(amount: number, currency: string): number {
  const step = currencyStep(currency);
  return Math.floor(amount / step) * step;
}

/** `rateBps` basis points of `amount` (1,000 bps = 10%), rounded half up to the step. */
export function percentOf(amount: number, rateBps: number, currency: string): number {
  return roundToStep((amount * rateBps) / 10_000, currency);
}

/** The amount as a number of major units (12.34 for 1234 cents, 1234 for 1234 yen). */
export function toMajor(amount: number, currency: string): number {
  return amount / 10 ** currencyDigits(currency);
}

/** "18.40", "1840" (JPY), "18.400" (KWD): for files machines read, with a dot, no grouping. */
export function toDecimalString(amount: number, currency: string): string {
  const digits = currencyDigits(currency);
  const sign = amount < 0 ? '-' : '';
  const units = String(Math.abs(Math.round(amount))).padStart(digits + 1, '0');
  return digits === 0
    ? `${sign}${units}`
    : `${sign}${units.slice(0, -digits)}.${units.slice(-digits)}`;
}

/** As people read it in the given locale: "$18.40", "18,40 €", "￥1,840", "KWD 18.400". */
export function formatMoney(amount: number, currency: string, locale?: string): string {
  return moneyFormat(currency, locale).format(toMajor(amount, currency));
}

// Building an Intl.NumberFormat costs far more than using one: an export formats thousands.
const moneyFormats = new Map<string, Intl.NumberFormat>();
function moneyFormat(currency: string, locale: string | undefined): Intl.NumberFormat {
  const key = `${currency}|${locale ?? ''}`;
  let format = moneyFormats.get(key);
  if (!format) {
    const digits = currencyDigits(currency);
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    moneyFormats.set(key, format);
  }
  return format;
}

/**
 * What a person typed ("12.5", "12,50", "1,234.56", "1 234,56", "1,840" yen) as minor units of
 * the currency, or null when it is not an amount, has more decimals than the currency (a
 * fraction of a yen), or could be read two ways: "1,234" in dollars is a thousand dollars or a
 * dollar and a fraction, so it is refused rather than guessed (write 1234 or 1.23).
 */
export function parseMoney(text: string, currency: string): number | null {
  const match = /^(-?)([\d.,]*)$/.exec(text.trim().replace(/[\s\u00a0\u202f']/g, ''));
  const body = match?.[2] ?? '';
  if (!match || !/\d/.test(body)) return null;
  const digits = currencyDigits(currency);
  const last = Math.max(body.lastIndexOf('.'), body.lastIndexOf(','));
  const after = last < 0 ? null : body.slice(last + 1);
  const separators = body.replace(/\d/g, '');
  // Three digits after the only kind of separator: thousands where the currency has no
  // decimals, a guess either way where it has one or two.
  const grouped = after?.length === 3 && digits < 3 && new Set(separators).size === 1;
  if (grouped && digits > 0 && separators.length === 1) return null;
  const whole = after === null || grouped ? body : body.slice(0, last);
  const fraction = after === null || grouped ? '' : after;
  if (!/^\d*(?:[.,]\d{3})*$/.test(whole) || fraction.length > digits) return null;
  const units =
    Number(whole.replace(/[.,]/g, '') || '0') * 10 ** digits +
    Number(fraction.padEnd(digits, '0') || '0');
  return match[1] ? -units : units;
}

/** Minor units as people read them in messages, receipts and emails (`formatMoney`). */
export const formatCents = (cents: number, currency: string, locale = 'en-US') =>
  formatMoney(cents, currency, locale);
