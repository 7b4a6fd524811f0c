export { computeReport, percentile, replayTicket, spread } from './compute-report.ts';
export { reportForStore, ReportInput, storeReport } from './load-report.ts';
export {
  mySchedules,
  removeSchedule,
  ReportScheduleIdInput,
  ReportScheduleInput,
  saveSchedule,
} from './schedules.ts';
export { sendScheduledReports } from './send-scheduled-reports.ts';
export { keepPendingTicketTimes } from './ticket-times.ts';
