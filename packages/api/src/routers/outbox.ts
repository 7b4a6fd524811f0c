import {
  listOutbox,
  OutboxListInput,
  OutboxRetryInput,
  resendOutboxMessage,
  retryOutboxMessage,
} from '../domain/outbox/index.ts';
import { managerProcedure, router } from '../trpc.ts';

export const outboxRouter = router({
  list: managerProcedure
    .input(OutboxListInput)
    .query(({ ctx, input }) => listOutbox({ ctx, input })),
  retry: managerProcedure
    .input(OutboxRetryInput)
    .mutation(({ ctx, input }) => retryOutboxMessage({ ctx, input })),
  resend: managerProcedure
    .input(OutboxRetryInput)
    .mutation(({ ctx, input }) => resendOutboxMessage({ ctx, input })),
});
