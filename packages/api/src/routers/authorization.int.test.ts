import { API_SCOPES, apiKeys, devices } from '@kds/db';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Principal } from '../domain/context.ts';
import { appRouter } from '../root.ts';
import {
  counterOrder,
  createHarness,
  createOtherStore,
  trpcCodeOf,
  type Harness,
} from '../test/fixtures.ts';

/**
 * Who may call what, for every procedure of the API. A new procedure fails this test until it
 * is listed here, so nothing is ever reachable by accident.
 */
const ACCESS: Record<string, 'public' | 'staff' | 'kitchen' | 'manager' | 'integration'> = {
  'apiKey.list': 'manager',
  'apiKey.create': 'manager',
  'apiKey.revoke': 'manager',
  /** The integration API (also REST under /api/v1): an API key holding the procedure's scope. */
  'integration.menu': 'integration',
  'integration.orders': 'integration',
  'integration.order': 'integration',
  'integration.placeOrder': 'integration',
  'integration.webhooks': 'integration',
  'integration.addWebhook': 'integration',
  'integration.removeWebhook': 'integration',
  'auth.login': 'public',
  'auth.logout': 'public',
  'auth.logoutEverywhere': 'staff',
  'auth.me': 'staff',
  'auth.changePassword': 'staff',
  'auth.setLanguage': 'staff',
  'invitation.mine': 'staff',
  'invitation.accept': 'staff',
  'invitation.decline': 'staff',
  'invitation.forToken': 'public',
  'invitation.signUp': 'public',
  'board.forStore': 'public',
  'board.onStore': 'public',
  'device.createPairingCode': 'manager',
  'device.health': 'manager',
  'device.revoke': 'manager',
  'device.pair': 'public',
  'kitchen.config': 'kitchen',
  'kitchen.tickets': 'kitchen',
  'kitchen.onEvent': 'kitchen',
  'kitchen.ack': 'kitchen',
  'menu.forStore': 'public',
  'menu.onStore': 'public',
  'menu.setAvailability': 'kitchen',
  'pacing.status': 'kitchen',
  /** Managers and the expo screen; the verb refuses cooks and prep screens (pacing tests). */
  'pacing.update': 'kitchen',
  'printing.printers': 'manager',
  'printing.savePrinter': 'manager',
  'printing.removePrinter': 'manager',
  'printing.setStation': 'manager',
  'printing.testPage': 'manager',
  'printing.preview': 'kitchen',
  'printing.print': 'kitchen',
  'menu.forEditing': 'manager',
  'menu.saveCategory': 'manager',
  'menu.deleteCategory': 'manager',
  'menu.saveItem': 'manager',
  'menu.deleteItem': 'manager',
  'menu.saveStation': 'manager',
  'menu.deleteStation': 'manager',
  'order.pickupSlots': 'public',
  'order.preview': 'public',
  'order.place': 'public',
  'order.addItems': 'public',
  /** Managers and the expo screen; the verb refuses cooks and prep screens (staff-orders tests). */
  'report.schedules': 'manager',
  'report.schedule': 'manager',
  'report.unschedule': 'manager',
  'discount.list': 'manager',
  'discount.create': 'manager',
  'discount.change': 'manager',
  'order.enter': 'kitchen',
  /** Managers and the expo screen; the verb refuses cooks and prep screens (delivery tests). */
  'order.dispatch': 'kitchen',
  'order.onTheRoad': 'kitchen',
  'order.complete': 'kitchen',
  'order.pay': 'public',
  'order.list': 'manager',
  'order.detail': 'manager',
  'order.onStore': 'manager',
  'order.cancel': 'manager',
  'outbox.list': 'manager',
  'outbox.retry': 'manager',
  'payment.reconcile': 'manager',
  'payment.link': 'manager',
  'payment.markPaidAtCounter': 'manager',
  'outbox.resend': 'manager',
  'staff.list': 'manager',
  'staff.create': 'manager',
  'staff.invitations': 'manager',
  'staff.cancelInvitation': 'manager',
  'staff.remove': 'manager',
  'staff.resetPassword': 'manager',
  'staff.setActive': 'manager',
  'staff.changeRole': 'manager',
  'staff.audit': 'manager',
  'report.summary': 'manager',
  'privacy.customerData': 'manager',
  'privacy.erase': 'manager',
  'store.mine': 'staff',
  'store.switch': 'staff',
  'store.dashboard': 'manager',
  'store.settings': 'manager',
  'store.updateSettings': 'manager',
  'store.create': 'manager',
  'store.services': 'manager',
  'store.sendTest': 'manager',
  'setup.status': 'public',
  'setup.create': 'public',
  'ticket.start': 'kitchen',
  'ticket.bumpItem': 'kitchen',
  'ticket.bump': 'kitchen',
  'ticket.recall': 'kitchen',
  'ticket.prioritize': 'kitchen',
  'tracker.get': 'public',
  'tracker.onOrder': 'public',
  'webhook.list': 'manager',
  'webhook.create': 'manager',
  'webhook.remove': 'manager',
};

let h: Harness;
let cook: Principal;
let device: Principal;
/** An integration whose key holds every scope, and one whose key holds none that matters. */
let allScopes: Principal;
let menuOnly: Principal;
beforeAll(async () => {
  h = await createHarness();
  cook = await h.staffOf(h.demo.storeId, 'kitchen');
  const [row] = await h.db
    .insert(devices)
    .values({ storeId: h.demo.storeId, name: 'wall', pairedAt: new Date() })
    .returning();
  device = { kind: 'device', deviceId: row?.id ?? '', storeId: h.demo.storeId, stationId: null };
  const manager = await h.staffOf(h.demo.storeId, 'manager');
  const key = async (scopes: (typeof API_SCOPES)[number][]): Promise<Principal> => {
    const [k] = await h.db
      .insert(apiKeys)
      .values({
        storeId: h.demo.storeId,
        name: 'matrix',
        prefix: 'kds_k_test',
        tokenHash: `hash-${scopes.join()}`,
        scopes,
        createdBy: manager.kind === 'staff' ? manager.staffId : '',
      })
      .returning();
    return { kind: 'apiKey', apiKeyId: k?.id ?? '', storeId: h.demo.storeId, scopes };
  };
  allScopes = await key([...API_SCOPES]);
  menuOnly = await key(['menu:read']);
});
afterAll(() => h.close());

const procedures = Object.keys(appRouter._def.procedures);

function call(principal: Principal | null, path: string): Promise<unknown> {
  let target: unknown = h.caller(principal);
  for (const part of path.split('.')) target = (target as Record<string, unknown>)[part];
  return (async () => (target as (input: unknown) => Promise<unknown>)({}))();
}

describe('authorization', () => {
  test('every procedure has a declared audience', () => {
    expect(procedures.filter((p) => !(p in ACCESS))).toEqual([]);
    expect(Object.keys(ACCESS).filter((p) => !procedures.includes(p))).toEqual([]);
  });

  test.each(procedures.filter((p) => ACCESS[p] === 'manager'))(
    '%s: refused to anonymous callers, kitchen staff and kitchen screens',
    async (path) => {
      expect(await trpcCodeOf(call(null, path))).toBe('UNAUTHORIZED');
      expect(await trpcCodeOf(call(cook, path))).toBe('FORBIDDEN');
      expect(await trpcCodeOf(call(device, path))).toBe('FORBIDDEN');
    },
  );

  test.each(procedures.filter((p) => ACCESS[p] === 'kitchen' || ACCESS[p] === 'staff'))(
    '%s: refused to anonymous callers',
    async (path) => {
      expect(await trpcCodeOf(call(null, path))).toBe('UNAUTHORIZED');
    },
  );

  test.each(procedures.filter((p) => ['staff', 'kitchen', 'manager'].includes(ACCESS[p] ?? '')))(
    '%s: refused to an API key, whatever its scopes',
    async (path) => {
      expect(await trpcCodeOf(call(allScopes, path))).toBe('FORBIDDEN');
    },
  );

  test.each(procedures.filter((p) => ACCESS[p] === 'integration'))(
    '%s: an API key with its scope only; never a person, a screen or another scope',
    async (path) => {
      expect(await trpcCodeOf(call(null, path))).toBe('UNAUTHORIZED');
      expect(await trpcCodeOf(call(await h.staffOf(h.demo.storeId, 'owner'), path))).toBe(
        'FORBIDDEN',
      );
      expect(await trpcCodeOf(call(device, path))).toBe('FORBIDDEN');
      if (path !== 'integration.menu') {
        expect(await trpcCodeOf(call(menuOnly, path))).toBe('FORBIDDEN');
      }
      const outcome = await call(allScopes, path).then(
        () => 'OK',
        (e: unknown) => (e instanceof TRPCError ? e.code : 'not a TRPCError'),
      );
      expect(outcome).not.toMatch(/UNAUTHORIZED|FORBIDDEN|not a TRPCError/);
    },
  );

  test("another store's manager and owner cannot touch this store's orders, messages, screens or staff", async () => {
    const other = await createOtherStore(h.db, 'rival-auth');
    const rival = await h.staffOf(other.storeId, 'owner');
    const ours = await h.staffOf(h.demo.storeId, 'manager');
    const order = await h.caller().order.place(counterOrder(h.demo));
    const hook = await h
      .caller(ours)
      .webhook.create({ url: 'https://pos.example.com/kds', eventTypes: ['*'] });
    const them = h.caller(rival);
    const refused = [
      them.order.detail({ orderId: order.orderId }),
      them.order.cancel({ orderId: order.orderId, reason: 'x' }),
      them.payment.link({ orderId: order.orderId }),
      them.webhook.remove({ endpointId: hook.id }),
      them.device.revoke({ deviceId: device.kind === 'device' ? device.deviceId : '' }),
      them.staff.resetPassword({ staffId: ours.staffId }),
      them.staff.setActive({ staffId: ours.staffId, active: false }),
      them.staff.changeRole({ staffId: ours.staffId, role: 'kitchen' }),
      them.store.switch({ storeId: h.demo.storeId }),
    ];
    const codes = await Promise.all(refused.map((p) => trpcCodeOf(p)));
    expect(codes).toEqual([...Array(8).fill('NOT_FOUND'), 'FORBIDDEN']);
    expect((await them.order.list({})).orders).toEqual([]);
    expect((await them.staff.list()).map((s) => s.id)).toEqual([rival.staffId]);
  });
});
