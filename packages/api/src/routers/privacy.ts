import { customerData, CustomerInput, eraseCustomer } from '../domain/privacy/index.ts';
import { managerProcedure, router } from '../trpc.ts';

/** A guest's right to see and to erase what the store holds about them. */
export const privacyRouter = router({
  customerData: managerProcedure
    .input(CustomerInput)
    .query(({ ctx, input }) => customerData({ ctx, input })),
  erase: managerProcedure
    .input(CustomerInput)
    .mutation(({ ctx, input }) => eraseCustomer({ ctx, input })),
});
