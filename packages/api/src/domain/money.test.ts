import { describe, expect, it } from 'vitest';
import {
  currencyDigits,
  floorToStep,
  formatMoney,
  parseMoney,
  percentOf,
  toDecimalString,
} from './money.ts';
import { fromStripeAmount, toStripeAmount, UnchargeableAmountError } from './stripe-amount.ts';

describe('minor units by currency', () => {
  it('agrees with Intl.NumberFormat on every currency it knows', () => {
    for (const currency of Intl.supportedValuesOf('currency')) {
      const intl = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions();
      expect([currency, currencyDigits(currency)]).toEqual([currency, intl.maximumFractionDigits]);
    }
  });

  it.each([
    ['USD', 1840, '18.40', '$18.40'],
    ['MXN', 1840, '18.40', 'MX$18.40'],
    ['JPY', 1840, '1840', '¥1,840'],
    ['KWD', 18_400, '18.400', 'KWD\u00a018.400'],
    ['USD', -5, '-0.05', '-$0.05'],
    ['KWD', 7, '0.007', 'KWD\u00a00.007'],
  ])('%s %i reads %s in files and %s to people', (currency, amount, decimal, shown) => {
    expect(toDecimalString(amount, currency)).toBe(decimal);
    expect(formatMoney(amount, currency, 'en-US')).toBe(shown);
  });

  it('formats in the reader’s language', () => {
    expect(formatMoney(184_050, 'MXN', 'es-MX')).toBe('$1,840.50');
    expect(formatMoney(1840, 'EUR', 'de-DE')).toBe('18,40\u00a0€');
    expect(formatMoney(1840, 'JPY', 'ja-JP')).toBe('￥1,840');
  });
});

describe('parseMoney', () => {
  it.each([
    ['12.5', 'USD', 1250],
    ['12,50', 'EUR', 1250],
    ['1,234.56', 'USD', 123_456],
    ['1,234,567', 'JPY', 1_234_567],
    ['1.840', 'JPY', 1840],
    ['1.234,56', 'EUR', 123_456],
    ['1 234,56', 'EUR', 123_456],
    ['1,840', 'JPY', 1840],
    ['1840', 'JPY', 1840],
    ['1.234', 'KWD', 1234],
    ['0.5', 'KWD', 500],
    ['-3', 'USD', -300],
    ['.75', 'USD', 75],
  ])('%s in %s is %i', (text, currency, amount) => {
    expect(parseMoney(text, currency)).toBe(amount);
  });

  it.each([
    ['12.345', 'USD'],
    ['1,234', 'USD'],
    ['18.5', 'JPY'],
    ['1.2345', 'KWD'],
    ['abc', 'USD'],
    ['', 'USD'],
    ['1,2,3', 'USD'],
    ['.', 'USD'],
  ])('refuses %s in %s', (text, currency) => {
    expect(parseMoney(text, currency)).toBeNull();
  });
});

describe('taxes and percentage discounts', () => {
  it('round half up to the minor unit in 0- and 2-decimal currencies', () => {
    // 8.25% of $10.10 = 83.325 cents; of ¥1,010 = 83.325 yen; 16% (Mexico) of $99.99.
    expect(percentOf(1010, 825, 'USD')).toBe(83);
    expect(percentOf(1010, 825, 'JPY')).toBe(83);
    expect(percentOf(9999, 1600, 'MXN')).toBe(1600);
    expect(percentOf(250, 1000, 'JPY')).toBe(25);
    expect(percentOf(5, 1000, 'JPY')).toBe(1); // 0.5 yen rounds up
  });

  it('round to tens of fils in three-decimal currencies, which card networks take', () => {
    // 5% of KWD 1.234 = 61.7 fils -> 60; of KWD 1.250 = 62.5 -> 60; of KWD 1.300 = 65 -> 70.
    expect(percentOf(1234, 500, 'KWD')).toBe(60);
    expect(percentOf(1250, 500, 'KWD')).toBe(60);
    expect(percentOf(1300, 500, 'KWD')).toBe(70);
  });

  it('floor discounts to the step, so a discount never gives more than it says', () => {
    expect(floorToStep(1999, 'USD')).toBe(1999);
    expect(floorToStep(1999, 'KWD')).toBe(1990);
  });
});

describe('amounts at Stripe', () => {
  it.each([
    ['USD', 1840, 1840],
    ['MXN', 1840, 1840],
    ['JPY', 1840, 1840],
    ['KWD', 18_400, 18_400],
    // Written without decimals, kept two-decimal by Stripe: whole krónur and forints in hundredths.
    ['ISK', 500, 50_000],
    ['HUF', 1990, 199_000],
  ])('%s %i goes to Stripe as %i and comes back the same', (currency, amount, stripe) => {
    expect(toStripeAmount(amount, currency)).toBe(stripe);
    expect(toStripeAmount(amount, currency.toLowerCase())).toBe(stripe);
    expect(fromStripeAmount(stripe, currency.toLowerCase())).toBe(amount);
  });

  it('refuses fils that are not in tens, with a reason a person can read', () => {
    expect(() => toStripeAmount(18_405, 'KWD')).toThrow(UnchargeableAmountError);
    expect(() => toStripeAmount(18_405, 'KWD')).toThrow(
      'KWD 18.405 cannot be charged: card payments in KWD take amounts in steps of 0.010',
    );
  });
});
