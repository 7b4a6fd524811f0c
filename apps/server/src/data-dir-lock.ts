import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, unlinkSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DbHandle } from '@kds/db';

/**
 * The embedded database belongs to one process at a time: two PGlite instances on one data
 * directory destroy it. The process that opens it (the server, or a `kds` command) listens
 * on a Unix socket beside that directory (`<DATA_DIR>.sock`: inside, it would end up in the
 * snapshots); anyone else finds it answering and stays out. The server also answers
 * `GET /backup` on it: `kds backup` takes its snapshot through the running instance. The
 * socket is the owner's alone (0600), as the data directory is.
 */
export function controlSocketPath(dataDir: string): string {
  const path = `${dataDir.replace(/\/+$/, '')}.sock`;
  // Unix socket paths are limited to about 100 bytes; a deep DATA_DIR gets one in /tmp.
  if (Buffer.byteLength(path) < 100) return path;
  const id = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  return join(tmpdir(), `kds-${id}.sock`);
}

export class DataDirBusyError extends Error {
  constructor(
    message: string,
    /** Who holds it ("kds server", "kds backup", ...), when someone does. */
    readonly holder: string | null = null,
  ) {
    super(message);
  }
}

/** Which KDS process holds this data directory, if any. */
export function heldBy(dataDir: string): Promise<string | null> {
  const socketPath = controlSocketPath(dataDir);
  if (!existsSync(socketPath)) return Promise.resolve(null);
  return new Promise((resolve) => {
    const req = request({ socketPath, path: '/held', method: 'GET', timeout: 2000 }, (res) => {
      let role = '';
      res.on('data', (chunk: Buffer) => (role += chunk.toString()));
      res.on('end', () => resolve(role || 'another KDS process'));
    });
    req.on('error', () => resolve(null));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

/**
 * Takes the data directory for this process, or throws when another KDS process has it.
 * `handle`, once given, serves online backups.
 */
export async function holdDataDir(
  dataDir: string,
  role: string,
): Promise<{ serveBackups(handle: DbHandle): void; release(): Promise<void> }> {
  const socketPath = controlSocketPath(dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const holder = await heldBy(dataDir);
  if (holder) {
    throw new DataDirBusyError(
      `${holder} (another process) is using the database in ${dataDir}: stop it first (\`kds backup\` works while the server runs)`,
      holder,
    );
  }
  if (existsSync(socketPath)) unlinkSync(socketPath); // left by a process that died
  let handle: DbHandle | null = null;
  const server: Server = createServer((req, res) => {
    if (req.url === '/held') return void res.end(role);
    if (req.url !== '/backup' || !handle?.dumpDataDir) return void res.writeHead(404).end();
    handle
      .dumpDataDir()
      .then(async (blob) => {
        res.writeHead(200, { 'content-type': 'application/gzip' });
        res.end(Buffer.from(await blob.arrayBuffer()));
      })
      .catch((error: unknown) =>
        res.writeHead(500).end(error instanceof Error ? error.message : JSON.stringify(error)),
      );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EACCES'
          ? new DataDirBusyError(
              `cannot create ${socketPath}: DATA_DIR's parent folder must be writable (e.g. DATA_DIR=/var/lib/kds/db)`,
            )
          : error,
      ),
    );
    server.listen({ path: socketPath }, resolve);
  });
  chmodSync(socketPath, 0o600);
  server.unref();
  return {
    serveBackups: (h) => void (handle = h),
    release: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
      }),
  };
}

/** A snapshot from the server that holds `dataDir`, or null when none is running. */
export function backupThroughServer(dataDir: string): Promise<Buffer | null> {
  const socketPath = controlSocketPath(dataDir);
  if (!existsSync(socketPath)) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path: '/backup', method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        if (res.statusCode === 200) resolve(Buffer.concat(chunks));
        else
          reject(
            new Error(
              `the running server could not take a backup: ${Buffer.concat(chunks).toString()}`,
            ),
          );
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNREFUSED' || error.code === 'ENOENT' ? resolve(null) : reject(error),
    );
    req.end();
  });
}
