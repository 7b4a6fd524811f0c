import { ReportInput, storeReport } from '../domain/reports/index.ts';
import { managerProcedure, router } from '../trpc.ts';

export const reportRouter = router({
  summary: managerProcedure
    .input(ReportInput)
    .query(({ ctx, input }) => storeReport({ ctx, input })),
});
