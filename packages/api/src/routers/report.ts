import {
  mySchedules,
  removeSchedule,
  ReportInput,
  ReportScheduleIdInput,
  ReportScheduleInput,
  saveSchedule,
  storeReport,
} from '../domain/reports/index.ts';
import { managerProcedure, router } from '../trpc.ts';

export const reportRouter = router({
  summary: managerProcedure
    .input(ReportInput)
    .query(({ ctx, input }) => storeReport({ ctx, input })),
  /** The signed-in manager's report emails (daily, weekly) for this store. */
  schedules: managerProcedure.query(({ ctx }) => mySchedules({ ctx })),
  schedule: managerProcedure
    .input(ReportScheduleInput)
    .mutation(({ ctx, input }) => saveSchedule({ ctx, input })),
  unschedule: managerProcedure
    .input(ReportScheduleIdInput)
    .mutation(({ ctx, input }) => removeSchedule({ ctx, input })),
});
