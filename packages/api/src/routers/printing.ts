import {
  listPrinters,
  previewPrint,
  PrinterIdInput,
  printOrder,
  PrintOrderInput,
  printTestPage,
  removePrinter,
  savePrinter,
  SavePrinterInput,
  setStationPrinting,
  StationPrintingInput,
} from '../domain/printing/index.ts';
import { kitchenProcedure, limitCalls, managerProcedure, router } from '../trpc.ts';

/** Printers (managers), and paper for an order from the expo screen or the console. */
export const printingRouter = router({
  printers: managerProcedure.query(({ ctx }) => listPrinters({ ctx })),
  savePrinter: managerProcedure
    .input(SavePrinterInput)
    .mutation(({ ctx, input }) => savePrinter({ ctx, input })),
  removePrinter: managerProcedure
    .input(PrinterIdInput)
    .mutation(({ ctx, input }) => removePrinter({ ctx, input })),
  setStation: managerProcedure
    .input(StationPrintingInput)
    .mutation(({ ctx, input }) => setStationPrinting({ ctx, input })),
  testPage: managerProcedure
    .use(limitCalls((limits) => limits.testMessage, 'limits.testPages'))
    .input(PrinterIdInput)
    .mutation(({ ctx, input }) => printTestPage({ ctx, input })),
  preview: kitchenProcedure
    .input(PrintOrderInput)
    .query(({ ctx, input }) => previewPrint({ ctx, input })),
  print: kitchenProcedure
    .use(limitCalls((limits) => limits.paper, 'limits.prints'))
    .input(PrintOrderInput)
    .mutation(({ ctx, input }) => printOrder({ ctx, input })),
});
