import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAddressGeocoder } from './geocoder.ts';

let server: Server;
let url = '';
const asked: { q: string | null; userAgent: string | undefined }[] = [];
beforeAll(async () => {
  // A local stand-in with Nominatim's search shape (coordinates as strings, as it sends them).
  server = createServer((req, res) => {
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    asked.push({ q: query.get('q'), userAgent: req.headers['user-agent'] });
    res.setHeader('content-type', 'application/json');
    if (query.get('q')?.startsWith('BROKEN')) {
      res.statusCode = 502;
      return void res.end('{}');
    }
    if (query.get('q') === 'Calle de Alcalá 42, 28014') {
      return void res.end(JSON.stringify([{ lat: '40.4188', lon: '-3.6969', place_id: 1 }]));
    }
    res.end('[]');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('createAddressGeocoder', () => {
  test('places a street address outside the UK, saying who asks', async () => {
    const geocoder = createAddressGeocoder(url, { userAgent: 'KDS (https://kds.example)' });
    expect(await geocoder.locate({ address: 'Calle de Alcalá 42', postcode: '28014' })).toEqual({
      latitude: 40.4188,
      longitude: -3.6969,
    });
    expect(asked.at(-1)?.userAgent).toBe('KDS (https://kds.example)');
  });

  test('an address it cannot find is null, and asking again does not ask the service', async () => {
    const geocoder = createAddressGeocoder(url, { userAgent: 'KDS' });
    const before = asked.length;
    expect(await geocoder.locate({ address: 'Nowhere Lane 1', postcode: '00000' })).toBeNull();
    expect(await geocoder.locate({ address: 'nowhere lane 1 ', postcode: '00000' })).toBeNull();
    expect(asked.length).toBe(before + 1);
  });

  test('a failing service throws: the caller says addresses cannot be checked now', async () => {
    const geocoder = createAddressGeocoder(url, { userAgent: 'KDS' });
    await expect(geocoder.locate({ address: 'BROKEN', postcode: '1' })).rejects.toThrow(/502/);
  });
});
