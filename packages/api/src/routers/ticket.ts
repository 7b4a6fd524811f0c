import {
  bumpItem,
  BumpItemInput,
  bumpTicket,
  BumpTicketInput,
  prioritizeTicket,
  PrioritizeTicketInput,
  recallTicket,
  RecallTicketInput,
  startTicket,
  StartTicketInput,
} from '../domain/orders/index.ts';
import { kitchenProcedure, router } from '../trpc.ts';

export const ticketRouter = router({
  start: kitchenProcedure
    .input(StartTicketInput)
    .mutation(({ ctx, input }) => startTicket({ ctx, input })),
  bumpItem: kitchenProcedure
    .input(BumpItemInput)
    .mutation(({ ctx, input }) => bumpItem({ ctx, input })),
  bump: kitchenProcedure
    .input(BumpTicketInput)
    .mutation(({ ctx, input }) => bumpTicket({ ctx, input })),
  recall: kitchenProcedure
    .input(RecallTicketInput)
    .mutation(({ ctx, input }) => recallTicket({ ctx, input })),
  prioritize: kitchenProcedure
    .input(PrioritizeTicketInput)
    .mutation(({ ctx, input }) => prioritizeTicket({ ctx, input })),
});
