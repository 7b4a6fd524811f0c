import { createServer, type Server } from 'node:net';

/** Parameter bytes after ESC x / GS x / FS x, for the commands receipt encoders emit. */
const ESC: Record<string, number> = {
  '@': 0,
  '2': 0,
  a: 1,
  E: 1,
  '-': 1,
  M: 1,
  '{': 1,
  t: 1,
  '3': 1,
  '!': 1,
  d: 1,
  J: 1,
  ' ': 1,
  G: 1,
  r: 1,
  V: 1,
  c: 2,
  $: 2,
  '\\': 2,
  p: 3,
};
const GS: Record<string, number> = {
  a: 1,
  B: 1,
  '!': 1,
  b: 1,
  H: 1,
  h: 1,
  w: 1,
  f: 1,
  L: 2,
  W: 2,
  P: 2,
  r: 1,
  I: 1,
};
const FS: Record<string, number> = { '.': 0, '&': 0, C: 1, '-': 1, W: 1, S: 2 };

export interface Printout {
  /** The printed text, one string per printed line, trimmed. */
  lines: string[];
  /** Paper cuts (GS V). */
  cuts: number;
}

/**
 * Reads ESC/POS as a printer would: commands are consumed with their parameters, text bytes
 * are kept, LF ends a line. An unknown command fails loudly rather than printing garbage.
 */
export function decodeEscPos(bytes: Uint8Array): Printout {
  const lines: string[] = [];
  let line = '';
  let cuts = 0;
  let i = 0;
  const param = (n: number) => {
    i += n;
  };
  while (i < bytes.length) {
    const b = bytes[i++] ?? 0;
    if (b === 0x0a) {
      lines.push(line.trim());
      line = '';
    } else if (b === 0x1b || b === 0x1d || b === 0x1c) {
      const cmd = String.fromCharCode(bytes[i++] ?? 0);
      if (b === 0x1d && cmd === 'V') {
        cuts++;
        const m = bytes[i++] ?? 0;
        if (m >= 65) param(1);
      } else if (b === 0x1d && cmd === '(') {
        i += 1;
        const length = (bytes[i] ?? 0) + (bytes[i + 1] ?? 0) * 256;
        param(2 + length);
      } else if (b === 0x1c && cmd === '(') {
        i += 1;
        const length = (bytes[i] ?? 0) + (bytes[i + 1] ?? 0) * 256;
        param(2 + length);
      } else {
        // Moving the print head (ESC $ absolute, ESC \\ relative) starts a new column.
        if (b === 0x1b && (cmd === '$' || cmd === '\\') && line.trim() !== '') line += '  ';
        const table = b === 0x1b ? ESC : b === 0x1d ? GS : FS;
        const n = table[cmd];
        if (n === undefined) {
          throw new Error(`unknown command 0x${b.toString(16)} '${cmd}' at byte ${i - 2}`);
        }
        param(n);
      }
    } else if (b >= 0x20) {
      line += b < 0x80 ? String.fromCharCode(b) : '─';
    }
  }
  if (line.trim()) lines.push(line.trim());
  return { lines: lines.filter((l) => l !== ''), cuts };
}

export interface FakePrinter {
  port: number;
  /** Every job received, decoded. */
  jobs: Printout[];
  /** Stop listening (the printer is switched off) or listen again on the same port. */
  off(): Promise<void>;
  on(): Promise<void>;
  close(): Promise<void>;
}

/** A network printer on 127.0.0.1, on the first free raw printing port (9100 to 9109). */
export async function startFakePrinter(): Promise<FakePrinter> {
  const jobs: Printout[] = [];
  const make = () =>
    createServer((socket) => {
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('end', () => {
        try {
          jobs.push(decodeEscPos(Buffer.concat(chunks)));
        } catch (error) {
          jobs.push({ lines: [`UNREADABLE: ${(error as Error).message}`], cuts: 0 });
        }
        socket.end();
      });
    });
  const listen = (server: Server, port: number) =>
    new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
  let server = make();
  let port = 9100;
  while (!(await listen(server, port))) {
    if (++port > 9109)
      throw new Error('no free raw printing port (9100-9109) for the fake printer');
    server = make();
  }
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return {
    port,
    jobs,
    off: stop,
    async on() {
      server = make();
      if (!(await listen(server, port)))
        throw new Error(`port ${port} taken while the printer was off`);
    },
    close: stop,
  };
}
