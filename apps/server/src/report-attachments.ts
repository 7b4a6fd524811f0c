import { exportRowsForStore, type ReportAttachments } from '@kds/api';
import { csvChunks } from './export-routes.ts';

/**
 * A scheduled report's attachment: the orders export of its days, as CSV, made by the same
 * code as a manager's download (formulas escaped).
 */
export const reportAttachments: ReportAttachments = {
  async ordersCsv(ctx, storeId, from, to) {
    const rows = await exportRowsForStore(ctx, storeId, { kind: 'orders', from, to });
    let csv = '';
    for await (const chunk of csvChunks(rows.columns, rows.batches)) csv += chunk;
    return csv;
  },
};
