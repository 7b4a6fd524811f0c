export {
  ExportInput,
  exportRows,
  exportRowsForStore,
  ITEM_COLUMNS,
  ORDER_COLUMNS,
  type ExportRow,
  type ExportRows,
} from './export-rows.ts';
export { ordersReport, type OrdersReport, type ReportOrder } from './orders-report.ts';
