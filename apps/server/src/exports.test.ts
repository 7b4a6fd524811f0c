import { bulkOrders } from '@kds/db/testing';
import { stations } from '@kds/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  connect,
  createFixture,
  startServer,
  type Fixture,
  type Server,
  closeAll,
} from './test/harness.ts';
import { pdfPages } from './test/pdf-text.ts';

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
afterAll(closeAll);

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

  test("orders as CSV: times on the store's clock with their offset, the zone named", async () => {
    const text = await (await get(`/exports/orders.csv${range}`, managerToken)).text();
    const [header, first] = text.split('\n').map((line) => line.split(','));
    const row = Object.fromEntries((header ?? []).map((column, i) => [column, first?.[i]]));
    // Placed at 12:00:01 UTC: 7:00:01 in New York in February.
    expect(row).toMatchObject({
      placed_at: '2026-02-02T07:00:01.000-05:00',
      completed_at: '2026-02-02T07:15:01.000-05:00',
      time_zone: 'America/New_York',
    });
  });

  test("order items as JSON parse back to every line, in the orders' order", async () => {
    const response = await get(`/exports/order-items.json${range}`, managerToken);
    const rows = (await response.json()) as { item: string; order_number: number }[];
    expect(rows).toHaveLength(COUNT);
    expect(rows[0]).toMatchObject({ item: 'Classic Burger', quantity: 1, unit_price: '12.00' });
    expect(rows.map((row) => row.order_number)).toEqual(
      Array.from({ length: COUNT }, (_, i) => i + 1),
    );
  });

  test('orders as a printed report: a heading, page numbers and totals a manager can use', async () => {
    const response = await get(`/exports/orders.pdf${range}`, managerToken);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pages = await pdfPages(new Uint8Array(await response.arrayBuffer()));
    const [first = '', second = ''] = pages;
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain('Orders, Sunday, February 1, 2026 to Tuesday, February 3, 2026');
      expect(page).toContain('No. Time Type Table or customer Items Total Payment Status');
    });
    // The orders start on the first page, under their day, on the store's clock, in words.
    expect(first).toContain('Times in America/New_York (Eastern Time).');
    expect(first).toMatch(
      /\nMonday, February 2, 2026\n1 7:00\sAM Pickup Guest 1 1× Classic Burger \$12\.99 At the counter Completed\n/,
    );
    expect(second).toMatch(/Status\nMonday, February 2, 2026 \(continued\)\n\d+ 7:0/);
    // 2,345 orders of $12.99: a day total, then the range's.
    expect(pages.at(-1)).toMatch(
      /\nMonday, February 2, 2026: 2,345 orders \$30,461\.55\nFrom Sunday, February 1, 2026 to Tuesday, February 3, 2026: 2,345 orders \$30,461\.55\n/,
    );
    expect(pages.join('\n')).not.toMatch(/at_counter|COMPLETED|pickup\b/);
  });

  test("the report in the reader's language; an empty range says so on one page", async () => {
    const setLanguage = (language: string | null) =>
      fetch(`http://${server.url}/trpc/auth.setLanguage`, {
        method: 'POST',
        headers: { authorization: `Bearer ${managerToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ language }),
      });
    expect((await setLanguage('es')).status).toBe(200);
    try {
      const response = await get(`/exports/orders.pdf${range}`, managerToken);
      const [first = ''] = await pdfPages(new Uint8Array(await response.arrayBuffer()));
      expect(first).toContain(
        'Pedidos, del domingo, 1 de febrero de 2026 al martes, 3 de febrero de 2026',
      );
      expect(first).toContain('N.º Hora Tipo Mesa o cliente Artículos Total Pago Estado');
      expect(first).toMatch(
        /\nlunes, 2 de febrero de 2026\n1 7:00\sa\.\s?m\. Para recoger Guest 1 1× Classic Burger \$12\.99 En el mostrador Completado\n/,
      );
      expect(first).toMatch(/Página 1 de \d+/);
    } finally {
      await setLanguage(null);
    }
    const empty = await get('/exports/orders.pdf?from=2026-03-01&to=2026-03-01', managerToken);
    const pages = await pdfPages(new Uint8Array(await empty.arrayBuffer()));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('No orders from Sunday, March 1, 2026 to Sunday, March 1, 2026.');
    expect(pages[0]).toContain('Orders, Sunday, March 1, 2026 Page 1 of 1');
  });

  test('order items as PDF: every line, with its headings', async () => {
    const response = await get(`/exports/order-items.pdf${range}`, managerToken);
    const pages = await pdfPages(new Uint8Array(await response.arrayBuffer()));
    expect(pages[0]).toContain('Order items, Feb 1, 2026 to Feb 3, 2026');
    expect(pages[0]).toContain('Order Day Item Choices Qty Price Line total Status');
    const lines = pages.join('\n').split('\n');
    expect(
      lines.filter((line) => line.includes(' Classic Burger 1 $12.00 $12.00 Done')),
    ).toHaveLength(COUNT);
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
    const pages = await pdfPages(new Uint8Array(await response.arrayBuffer()));
    expect(pages).toHaveLength(2); // 10 codes, 6 a page
    expect(pages[0]).toMatch(/Table 1[^]*Scan to order at your table/);
    expect(pages[0]).toContain('Scan to order Scan to order at your table');
    expect(pages[1]).toContain('Table patio');
    expect((await get('/qr/sheet.pdf', cookToken)).status).toBe(403);
    expect((await get('/qr/sheet.pdf')).status).toBe(401);
  });
});
