import { bulkOrders } from '@kds/db/testing';
import { stations } from '@kds/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connect, createFixture, startServer, type Fixture, type Server } from './test/harness.ts';

let fx: Fixture;
let server: Server;
let managerToken: string;
let cookToken: string;
const COUNT = 2_345; // more than two batches of 1,000

beforeAll(async () => {
  fx = await createFixture();
  const [grill] = await fx.db.db.select().from(stations).where(eq(stations.name, 'Grill'));
  await bulkOrders(fx.db.db, {
    storeId: fx.storeId,
    businessDate: '2026-02-02',
    count: COUNT,
    stationId: grill?.id ?? '',
  });
  server = await startServer(fx.db, { jobs: false });
  const guest = connect(server);
  managerToken = await fx.login(guest, 'manager@demo.test');
  cookToken = await fx.login(guest, 'kitchen@demo.test');
  guest.close();
});
afterAll(async () => {
  await server.close();
  await fx.db.close();
});

const get = (path: string, token?: string) =>
  fetch(`http://${server.url}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
const range = '?from=2026-02-01&to=2026-02-03';

describe('exports', () => {
  test('orders as CSV: a header, every order once, in order', async () => {
    const response = await get(`/exports/orders.csv${range}`, managerToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain(
      'kds-orders-2026-02-01-to-2026-02-03.csv',
    );
    const lines = (await response.text()).trim().split('\n');
    expect(lines[0]).toMatch(/^number,business_date,placed_at,status,/);
    expect(lines).toHaveLength(COUNT + 1);
    const numbers = lines.slice(1).map((l) => Number(l.split(',')[0]));
    expect(numbers).toEqual(Array.from({ length: COUNT }, (_, i) => i + 1));
    expect(lines[1]).toContain(',12.00,0.00,0.99,0.00,12.99,3.80,');
  });

  test('order items as JSON parse back to every line', async () => {
    const response = await get(`/exports/order-items.json${range}`, managerToken);
    const rows = (await response.json()) as { item: string; quantity: number }[];
    expect(rows).toHaveLength(COUNT);
    expect(rows[0]).toMatchObject({ item: 'Classic Burger', quantity: 1, unit_price: '12.00' });
  });

  test('orders as PDF', async () => {
    const response = await get(`/exports/orders.pdf${range}`, managerToken);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(body.subarray(-6).toString()).toContain('%%EOF');
  });

  test('kitchen staff, strangers and bad ranges are refused', async () => {
    expect((await get(`/exports/orders.csv${range}`)).status).toBe(401);
    expect((await get(`/exports/orders.csv${range}`, cookToken)).status).toBe(403);
    expect((await get('/exports/orders.csv?from=yesterday', managerToken)).status).toBe(400);
    expect((await get(`/exports/secrets.csv${range}`, managerToken)).status).toBe(404);
  });
});

describe('QR codes', () => {
  test('a printable sheet for the store and its tables, for managers only', async () => {
    const response = await get('/qr/sheet.pdf?tables=1-8,patio', managerToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(body.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(2); // 10 codes, 6 a page
    expect((await get('/qr/sheet.pdf', cookToken)).status).toBe(403);
    expect((await get('/qr/sheet.pdf')).status).toBe(401);
  });
});
