import { expect, test } from 'vitest';
import { createI18n } from '@kds/i18n';
import { problemsOf } from './problems.ts';

const t = createI18n('en').getFixedT('en', 'common');

test('maps preview problems and refused-order errors to the inputs they are about', () => {
  const result = problemsOf(
    [{ path: ['items', 1, 'menuItemId'], message: 'Fries is sold out' }],
    {
      message: 'x',
      data: { issues: [{ path: ['customer', 'phone'], message: 'an international number' }] },
    },
    t,
  );
  expect(result).toEqual({
    byPath: { 'items.1': 'Fries is sold out', 'customer.phone': 'an international number' },
    general: null,
  });
});

test('a problem about the whole order is general; an unknown failure says so', () => {
  expect(problemsOf([{ path: [], message: 'we are closed' }], null, t).general).toBe(
    'we are closed',
  );
  expect(problemsOf(undefined, { message: 'network down' }, t).general).toBe('network down');
});
