import { expect, test } from 'vitest';
import { parseRoute } from './route.ts';

test.each([
  ['/order/demo', { page: 'menu', storeSlug: 'demo' }],
  ['/order/demo/checkout', { page: 'checkout', storeSlug: 'demo' }],
  ['/track/abc_DEF-123', { page: 'track', token: 'abc_DEF-123' }],
  ['/board/demo/', { page: 'board', storeSlug: 'demo' }],
  ['/', { page: 'none' }],
  ['/order', { page: 'none' }],
])('%s', (path, route) => expect(parseRoute(path)).toEqual(route));
