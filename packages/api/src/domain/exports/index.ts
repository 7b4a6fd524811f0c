export {
  ExportInput,
  exportRows,
  exportRowsForStore,
  ITEM_COLUMNS,
  ORDER_COLUMNS,
  type ExportRow,
} from './export-rows.ts';
