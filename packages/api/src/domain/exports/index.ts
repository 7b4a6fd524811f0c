export { ITEM_COLUMNS, ORDER_COLUMNS, type ExportRow } from './export-columns.ts';
export { ExportInput, exportRows, exportRowsForStore, type ExportRows } from './export-rows.ts';
export { ordersReport, type OrdersReport, type ReportOrder } from './orders-report.ts';
