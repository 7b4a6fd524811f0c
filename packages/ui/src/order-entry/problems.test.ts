import { expect, test } from 'vitest';
import { createI18n, formatDayClock, formatLocale } from '@kds/i18n';
import type { Format } from '../regional.tsx';
import { problemsOf } from './problems.ts';
import { formatMoney } from '@kds/api/client';

const t = createI18n('en').getFixedT('en', 'common');

/** What `useFormat` gives a screen of a Mexico City store in pesos, read in `language`. */
function formatFor(language: string): Format {
  const region = { storeLocale: 'es-MX', timeZone: 'America/Mexico_City', currency: 'MXN' };
  const locale = formatLocale(language, region.storeLocale);
  return {
    region,
    locale,
    hourCycle: 'h12',
    clock: () => '',
    dayClock: (at) => formatDayClock(at, language, region),
    dateTime: () => '',
    money: (minor) => formatMoney(minor, region.currency, locale),
  } as Format;
}
const format = formatFor('en');

test('maps preview problems and refused-order errors to the inputs they are about', () => {
  const result = problemsOf(
    [{ path: ['items', 1, 'menuItemId'], message: 'Fries is sold out' }],
    {
      message: 'x',
      data: { issues: [{ path: ['customer', 'phone'], message: 'an international number' }] },
    },
    t,
    format,
  );
  expect(result).toEqual({
    byPath: { 'items.1': 'Fries is sold out', 'customer.phone': 'an international number' },
    general: null,
  });
});

test('a problem about the whole order is general; an unknown failure says so', () => {
  expect(problemsOf([{ path: [], message: 'we are closed' }], null, t, format).general).toBe(
    'we are closed',
  );
  expect(problemsOf(undefined, { message: 'network down' }, t, format).general).toBe(
    'network down',
  );
});

test("problems read in the guest's language, their times, days, amounts and distances formatted", () => {
  const es = createI18n('es').getFixedT('es', 'common');
  const spanish = formatFor('es');
  const said = (key: string, values?: Record<string, string | number>) =>
    problemsOf(
      [{ path: [], message: 'English from the server', say: { key, values } as never }],
      null,
      es,
      spanish,
    ).general;
  expect(said('soldOut', { name: 'Tacos al pastor' })).toBe('Tacos al pastor está agotado');
  expect(said('chooseBetween', { min: 1, max: 2, group: 'Salsa' })).toBe('elige de 1 a 2 en Salsa');
  expect(said('discountMinimum', { minimumMinor: 15000 })).toBe(
    'este código necesita un pedido de $150.00 o más',
  );
  expect(said('tooFar', { radiusMeters: 5000, distanceMeters: 7250 })).toMatch(
    /^entregamos hasta 5[.,]0 km; esta dirección está a 7[.,]3 km$/,
  );
  // 15:30 UTC is 9:30 in Mexico City, on Mexico's 12-hour clock.
  expect(said('closedUntil', { openAt: '2026-12-02T15:30:00Z' })).toMatch(
    /^estamos cerrados; abrimos el mié,? 9:30\sa\.\s?m\.$/,
  );
  expect(said('phoneInvalid', { phoneRegion: 'MX' })).toMatch(/^no es un teléfono de México:/);
  // Without words from the server, its English is shown as it is.
  expect(problemsOf([{ path: [], message: 'something new' }], null, es, spanish).general).toBe(
    'something new',
  );
});
