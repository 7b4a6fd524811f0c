import { authRouter } from './routers/auth.ts';
import { boardRouter } from './routers/board.ts';
import { paymentRouter } from './routers/payment.ts';
import { deviceRouter } from './routers/device.ts';
import { kitchenRouter } from './routers/kitchen.ts';
import { menuRouter } from './routers/menu.ts';
import { orderRouter } from './routers/order.ts';
import { ticketRouter } from './routers/ticket.ts';
import { trackerRouter } from './routers/tracker.ts';
import { outboxRouter } from './routers/outbox.ts';
import { webhookRouter } from './routers/webhook.ts';
import { storeRouter } from './routers/store.ts';
import { staffRouter } from './routers/staff.ts';
import { reportRouter } from './routers/report.ts';
import { privacyRouter } from './routers/privacy.ts';
import { invitationRouter } from './routers/invitation.ts';
import { setupRouter } from './routers/setup.ts';
import { pacingRouter } from './routers/pacing.ts';
import { printingRouter } from './routers/printing.ts';
import { discountRouter } from './routers/discount.ts';
import { apiKeyRouter } from './routers/api-key.ts';
import { integrationRouter } from './routers/integration.ts';
import { router } from './trpc.ts';

export const appRouter = router({
  auth: authRouter,
  menu: menuRouter,
  order: orderRouter,
  tracker: trackerRouter,
  kitchen: kitchenRouter,
  ticket: ticketRouter,
  device: deviceRouter,
  board: boardRouter,
  payment: paymentRouter,
  outbox: outboxRouter,
  webhook: webhookRouter,
  store: storeRouter,
  staff: staffRouter,
  report: reportRouter,
  privacy: privacyRouter,
  invitation: invitationRouter,
  setup: setupRouter,
  pacing: pacingRouter,
  printing: printingRouter,
  discount: discountRouter,
  apiKey: apiKeyRouter,
  integration: integrationRouter,
});

export type AppRouter = typeof appRouter;

/** The paths of every procedure of one type, read from the router itself. */
export function procedurePaths(type: 'query' | 'mutation' | 'subscription'): string[] {
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: string } }
  >;
  return Object.entries(procedures)
    .filter(([, procedure]) => procedure._def.type === type)
    .map(([path]) => path);
}
