import { randomUUID } from 'node:crypto';
import { MAX_BATCH, NEVER_BATCHED, type AppRouter } from '@kds/api/client';
import {
  createTRPCClient,
  httpBatchLink,
  httpLink,
  splitLink,
  type TRPCClient,
} from '@trpc/client';
import type { inferRouterOutputs } from '@trpc/server';
import { PORT } from '../playwright.config.ts';

type Menu = inferRouterOutputs<AppRouter>['menu']['forStore'];
export type Api = TRPCClient<AppRouter>;
type OrderLine = { menuItemId: string; quantity: number; modifierIds: string[]; notes?: string };

/** The real API over HTTP, as the customer app or another screen would call it. */
export function api(token?: string): Api {
  const url = `http://localhost:${PORT}/trpc`;
  const headers = () => (token ? { authorization: `Bearer ${token}` } : {});
  return createTRPCClient<AppRouter>({
    links: [
      // As the apps do: calls that try a secret go alone (the server refuses them batched).
      splitLink({
        condition: (op) => NEVER_BATCHED.has(op.path),
        true: httpLink({ url, headers }),
        false: httpBatchLink({ url, headers, maxItems: MAX_BATCH }),
      }),
    ],
  });
}

export async function staffApi(email: string): Promise<Api> {
  const { token } = await api().auth.login.mutate({ email, password: 'demo' });
  return api(token);
}

export class Demo {
  private constructor(private readonly menu: Menu) {}

  static async load(): Promise<Demo> {
    return new Demo(await api().menu.forStore.query({ storeSlug: 'demo' }));
  }

  item(name: string) {
    const item = this.menu.categories.flatMap((c) => c.items).find((i) => i.name === name);
    if (!item) throw new Error(`no menu item ${name}`);
    return item;
  }

  /** A line: item name and modifier names, e.g. line('Classic Burger', 2, 'Medium', 'Cheese'). */
  line(name: string, quantity = 1, ...modifierNames: string[]): OrderLine {
    const item = this.item(name);
    const modifierIds = modifierNames.map((m) => {
      const found = item.modifierGroups.flatMap((g) => g.modifiers).find((x) => x.name === m);
      if (!found) throw new Error(`no modifier ${m} on ${name}`);
      return found.id;
    });
    return { menuItemId: item.id, quantity, modifierIds };
  }

  place(
    items: ReturnType<Demo['line']>[],
    extra: Partial<Parameters<Api['order']['place']['mutate']>[0]> = {},
  ) {
    return api().order.place.mutate({
      storeSlug: 'demo',
      items,
      customer: { name: 'Grace' },
      fulfilment: { type: 'pickup' },
      payment: 'counter',
      idempotencyKey: randomUUID(),
      ...extra,
    });
  }
}

/** Cancels every open ticket, so a screenshot shows only what its test placed. */
export async function clearBoard() {
  const manager = await staffApi('manager@demo.test');
  const { tickets } = await manager.kitchen.tickets.query({});
  for (const t of tickets)
    await manager.order.cancel.mutate({ orderId: t.orderId, reason: 'test reset' });
}
