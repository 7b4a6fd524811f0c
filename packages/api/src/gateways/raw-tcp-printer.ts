import { connect } from 'node:net';
import type { PrinterTransport } from '../domain/printing/index.ts';

/**
 * Raw TCP printing (port 9100, "JetDirect"): connect, write the ESC/POS bytes, close. The job
 * counts as printed once the printer has taken every byte and the connection closed cleanly;
 * a refused or silent printer fails the attempt and the outbox tries again later.
 */
export function createRawTcpPrinter(options: { timeoutMs?: number } = {}): PrinterTransport {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    print: ({ host, port }, bytes) =>
      new Promise<void>((resolve, reject) => {
        const socket = connect({ host, port });
        socket.setTimeout(timeoutMs, () =>
          socket.destroy(
            new Error(`printer ${host}:${port} did not answer in ${timeoutMs / 1000} s`),
          ),
        );
        socket.once('error', (error) =>
          reject(new Error(`printer ${host}:${port}: ${error.message}`)),
        );
        socket.once('connect', () => socket.end(bytes));
        socket.once('close', (hadError) => {
          if (!hadError) resolve();
        });
      }),
  };
}
