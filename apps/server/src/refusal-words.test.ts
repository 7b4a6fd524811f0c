import type { AppRouter } from '@kds/api';
import { createI18n } from '@kds/i18n';
import { messageFor } from '@kds/ui/error-message';
import { createTRPCClient, TRPCClientError, wsLink } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  connect,
  createFixture,
  startServer,
  subscribeKitchen,
  type Client,
  type Fixture,
  type Server,
  closeAll,
} from './test/harness.ts';

// A refusal reaches a screen with its words (`data.say`), so the screen says it in its reader's
// language; `message` stays the server's English for logs and integrators.
const spanish = createI18n('es').getFixedT('es', 'common');

let fx: Fixture;
let server: Server;
let anonymous: Client;
let cook: Client;
let manager: Client;

beforeAll(async () => {
  fx = await createFixture();
  server = await startServer(fx.db);
  anonymous = connect(server);
  cook = connect(server, await fx.login(anonymous, 'kitchen@demo.test'));
  manager = connect(server, await fx.login(anonymous, 'manager@demo.test'));
});
afterAll(closeAll);

async function refusal(promise: Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCClientError);
  return error as TRPCClientError<AppRouter>;
}

describe('refusals in the reader’s language', () => {
  test('a bump of a canceled order, over HTTP: the status in words, in English and Spanish', async () => {
    const order = await anonymous.trpc.order.place.mutate(fx.order());
    await manager.trpc.order.cancel.mutate({ orderId: order.orderId, reason: 'left' });
    const error = await refusal(cook.trpc.ticket.bump.mutate({ orderId: order.orderId }));
    expect(error.data?.say).toEqual({ key: 'transition.bump', values: { status: 'CANCELED' } });
    expect(error.message).toBe('cannot bump an order that is canceled');
    expect(messageFor(error, spanish)).toBe('no se puede despachar un pedido cancelado');
  });

  test('a call over the WebSocket and a refused stream carry their words too', async () => {
    const overSocket = createTRPCClient<AppRouter>({ links: [wsLink({ client: cook.ws })] });
    const error = await refusal(overSocket.staff.list.query());
    expect(error.data?.say).toEqual({ key: 'access.managerOrOwner' });
    expect(messageFor(error, spanish)).toBe('esto lo debe hacer un gerente o el propietario');

    const stream = subscribeKitchen(anonymous);
    await expect.poll(() => stream.received.errors.length).toBe(1);
    stream.unsubscribe();
    expect(messageFor(stream.received.errors[0], spanish)).toBe(
      'primero inicia sesión o vincula esta pantalla',
    );
  });

  test('a limit says how long to wait, in Spanish', async () => {
    for (let i = 0; i < 40; i++) {
      const error = await refusal(
        anonymous.trpc.auth.login.mutate({ email: 'nobody@demo.test', password: 'wrong-guess' }),
      );
      if (error.data?.code !== 'TOO_MANY_REQUESTS') continue;
      expect(error.data.say?.key).toBe('limits.failedSignIns');
      expect(messageFor(error, spanish)).toMatch(
        /^demasiados inicios de sesión fallidos desde aquí; vuelve a intentarlo en \d+ min$/,
      );
      return;
    }
    throw new Error('40 wrong sign-ins were never limited');
  });

  test('a field not right as typed: the schema’s own words, or zod’s, never the input back', async () => {
    const empty = await refusal(
      anonymous.trpc.order.place.mutate({ ...fx.order(), items: [] } as never),
    );
    expect(empty.data?.issues).toEqual([
      { path: ['items'], message: 'the cart is empty', say: { key: 'input.cartEmpty' }, zod: null },
    ]);
    expect(messageFor(empty, spanish)).toBe('items: el carrito está vacío');

    const secret = 'x'.repeat(81);
    const long = await refusal(
      anonymous.trpc.order.place.mutate({ ...fx.order(), customer: { name: secret } } as never),
    );
    expect(JSON.stringify(long.data)).not.toContain(secret);
    expect(long.data?.issues?.[0]?.zod).toMatchObject({ code: 'too_big', maximum: 80 });
    expect(messageFor(long, spanish)).toBe(
      'customer.name: Demasiado grande: se esperaba que texto tuviera <=80 caracteres',
    );
  });
});
