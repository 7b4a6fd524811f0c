export { computeReport, percentile, replayTicket, spread } from './compute-report.ts';
export { ReportInput, storeReport } from './load-report.ts';
