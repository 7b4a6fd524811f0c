import {
  markPaidAtCounter,
  MarkPaidInput,
  paymentLink,
  PaymentLinkInput,
  reconcileForStore,
} from '../domain/payments/index.ts';
import { managerProcedure, router } from '../trpc.ts';

export const paymentRouter = router({
  /** A manager's "check payments now": compares the last day's sessions with Stripe. */
  reconcile: managerProcedure.mutation(({ ctx }) => reconcileForStore({ ctx })),
  /** The link a customer pays a phone order with. */
  link: managerProcedure
    .input(PaymentLinkInput)
    .mutation(({ ctx, input }) => paymentLink({ ctx, input })),
  /** An online order the guest paid at the counter instead: it goes to the kitchen now. */
  markPaidAtCounter: managerProcedure
    .input(MarkPaidInput)
    .mutation(({ ctx, input }) => markPaidAtCounter({ ctx, input })),
});
