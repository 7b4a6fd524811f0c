import { orders } from '@kds/db';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPostcodeLookup } from '../../gateways/postcodes.ts';
import { counterOrder, createHarness, writeCounts, type Harness } from '../../test/fixtures.ts';
import { DomainError } from '../errors.ts';

// A local postcode service with the postcodes.io shape. The demo store is at 40.7411,-73.9897
// with a 5 km radius.
const KNOWN: Record<string, [number, number]> = {
  '10001': [40.7484, -73.9967], // about 1 km
  '10601': [41.0339, -73.7629], // White Plains, about 37 km
};
let fake: Server;
let url = '';
let withService: Harness;
let withoutService: Harness;

beforeAll(async () => {
  fake = createServer((req, res) => {
    const code = decodeURIComponent(req.url?.replace('/postcodes/', '') ?? '');
    if (code === 'DOWN') return void res.writeHead(503).end();
    const point = KNOWN[code];
    res.setHeader('content-type', 'application/json');
    if (!point)
      return void res
        .writeHead(404)
        .end(JSON.stringify({ status: 404, error: 'Postcode not found' }));
    res.end(
      JSON.stringify({
        status: 200,
        result: { postcode: code, latitude: point[0], longitude: point[1] },
      }),
    );
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  const address = fake.address();
  url = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
  withService = await createHarness({ geocoder: createPostcodeLookup(url) });
  withoutService = await createHarness();
});
afterAll(async () => {
  await withService.close();
  await withoutService.close();
  await new Promise((resolve) => fake.close(resolve));
});

const delivery = (postcode: string) => ({
  type: 'delivery' as const,
  address: '1 Main St, Apt 2',
  postcode,
});

async function refusal(h: Harness, postcode: string) {
  const before = await writeCounts(h.db, h.demo.storeId);
  const error = await h
    .caller()
    .order.place(counterOrder(h.demo, { fulfilment: delivery(postcode) }))
    .catch((e: unknown) => e);
  expect(await writeCounts(h.db, h.demo.storeId)).toEqual(before);
  expect(error).toBeInstanceOf(TRPCError);
  const cause = (error as TRPCError).cause;
  return cause instanceof DomainError
    ? (cause.details?.problems as { code: string; message: string }[])
    : [];
}

describe('delivery', () => {
  test('without a postcode service, delivery is not offered', async () => {
    const menu = await withoutService.caller().menu.forStore({ storeSlug: 'demo' });
    expect(menu.store.deliveryAvailable).toBe(false);
    expect((await refusal(withoutService, '10001')).map((p) => p.code)).toEqual([
      'FULFILMENT_UNAVAILABLE',
    ]);
  });

  test('an address inside the radius is delivered to, and its address kept', async () => {
    expect(
      (await withService.caller().menu.forStore({ storeSlug: 'demo' })).store.deliveryAvailable,
    ).toBe(true);
    const placed = await withService
      .caller()
      .order.place(counterOrder(withService.demo, { fulfilment: delivery('10001') }));
    const [row] = await withService.db.select().from(orders).where(eq(orders.id, placed.orderId));
    expect(row).toMatchObject({
      fulfilment: 'delivery',
      deliveryAddress: '1 Main St, Apt 2',
      deliveryPostcode: '10001',
    });
  });

  test('outside the radius is refused with how far it is', async () => {
    const [problem] = await refusal(withService, '10601');
    expect(problem?.code).toBe('OUTSIDE_DELIVERY_AREA');
    expect(problem?.message).toMatch(/within 5\.0 km; this address is 3\d\.\d km away/);
  });

  test('an unknown postcode, or a service that cannot answer, is refused clearly', async () => {
    expect((await refusal(withService, 'ZZZ')).map((p) => p.code)).toEqual(['POSTCODE_UNKNOWN']);
    expect((await refusal(withService, 'DOWN')).map((p) => p.code)).toEqual(['POSTCODE_UNCHECKED']);
  });

  test('preview reports the same problem next to the postcode', async () => {
    const preview = await withService.caller().order.preview({
      storeSlug: 'demo',
      items: [{ menuItemId: withService.demo.item['Lemonade'] ?? '', quantity: 1 }],
      fulfilment: delivery('10601'),
    });
    expect(preview.problems).toEqual([
      expect.objectContaining({ path: ['fulfilment', 'postcode'], code: 'OUTSIDE_DELIVERY_AREA' }),
    ]);
  });
});
