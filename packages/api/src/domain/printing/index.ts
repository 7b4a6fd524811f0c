export { listPrinters, removePrinter, savePrinter } from './manage-printers.ts';
export { printTestPage } from './print-test-page.ts';
export { setStationPrinting } from './station-printing.ts';
export { previewPrint, printOrder } from './print-order.ts';
export { escposOf, printDelivered, printSender, type PrinterTransport } from './print-sender.ts';
export { printForDarkStations, queueKitchenPrints, type PrintPayload } from './queue-prints.ts';
export {
  PrinterIdInput,
  PrintOrderInput,
  SavePrinterInput,
  StationPrintingInput,
} from './schemas.ts';
