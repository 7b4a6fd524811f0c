import { dashboard, sendTestMessage, SendTestInput, serviceStatus } from '../domain/admin/index.ts';
import {
  getStoreSettings,
  StoreSettingsInput,
  switchStore,
  SwitchStoreInput,
  updateStoreSettings,
  whoAmI,
} from '../domain/stores/index.ts';
import { addStore, NewStoreInput } from '../domain/setup/index.ts';
import { limitCalls, managerProcedure, router, staffProcedure } from '../trpc.ts';

/** The admin console's frame: who is signed in, which store, and how it is doing. */
export const storeRouter = router({
  mine: staffProcedure.query(({ ctx }) => whoAmI({ ctx })),
  switch: staffProcedure
    .input(SwitchStoreInput)
    .mutation(({ ctx, input }) => switchStore({ ctx, input })),
  dashboard: managerProcedure.query(({ ctx }) => dashboard({ ctx })),
  /** An owner opens another store (managers are refused by the verb). */
  create: managerProcedure
    .input(NewStoreInput)
    .mutation(({ ctx, input }) => addStore({ ctx, input })),
  /** Stripe, Twilio, email, webhooks: connected, simulated or failing, for the Services card. */
  services: managerProcedure.query(({ ctx }) => serviceStatus({ ctx })),
  sendTest: managerProcedure
    .use(limitCalls((limits) => limits.testMessage, 'limits.testMessagesHour'))
    .input(SendTestInput)
    .mutation(({ ctx, input }) => sendTestMessage({ ctx, input })),
  settings: managerProcedure.query(({ ctx }) => getStoreSettings({ ctx })),
  updateSettings: managerProcedure
    .input(StoreSettingsInput)
    .mutation(({ ctx, input }) => updateStoreSettings({ ctx, input })),
});
