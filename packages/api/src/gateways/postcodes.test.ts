import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { distanceMeters } from '../domain/stores/location.ts';
import { createPostcodeLookup } from './postcodes.ts';

let server: Server;
let url = '';
beforeAll(async () => {
  // A local stand-in with the postcodes.io shape.
  server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/postcodes/SW1A%201AA') {
      res.end(
        JSON.stringify({
          status: 200,
          result: { postcode: 'SW1A 1AA', latitude: 51.501, longitude: -0.1416 },
        }),
      );
    } else if (req.url?.startsWith('/postcodes/BROKEN')) {
      res.statusCode = 500;
      res.end('{}');
    } else {
      res.statusCode = 404;
      res.end(JSON.stringify({ status: 404, error: 'Postcode not found' }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('createPostcodeLookup', () => {
  test('finds a known postcode', async () => {
    expect(await createPostcodeLookup(url).locate({ postcode: 'SW1A 1AA' })).toEqual({
      latitude: 51.501,
      longitude: -0.1416,
    });
  });
  test('an unknown postcode is null', async () => {
    expect(await createPostcodeLookup(url).locate({ postcode: 'ZZ9 9ZZ' })).toBeNull();
  });
  test('a failing service throws, so the caller can say it cannot check now', async () => {
    await expect(createPostcodeLookup(url).locate({ postcode: 'BROKEN' })).rejects.toThrow(/500/);
  });
});

test('distanceMeters: Buckingham Palace to Trafalgar Square is about 1 km', () => {
  const d = distanceMeters(
    { latitude: 51.501, longitude: -0.1416 },
    { latitude: 51.508, longitude: -0.128 },
  );
  expect(d).toBeGreaterThan(1_000);
  expect(d).toBeLessThan(1_400);
});
