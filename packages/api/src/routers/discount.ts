import {
  changeDiscount,
  ChangeDiscountInput,
  createDiscount,
  CreateDiscountInput,
  listDiscounts,
} from '../domain/discounts/index.ts';
import { managerProcedure, router } from '../trpc.ts';

/** Discount codes: managers create, pause, resume and end them; guests type them at checkout. */
export const discountRouter = router({
  list: managerProcedure.query(({ ctx }) => listDiscounts({ ctx })),
  create: managerProcedure
    .input(CreateDiscountInput)
    .mutation(({ ctx, input }) => createDiscount({ ctx, input })),
  change: managerProcedure
    .input(ChangeDiscountInput)
    .mutation(({ ctx, input }) => changeDiscount({ ctx, input })),
});
