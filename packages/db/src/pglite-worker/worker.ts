// The thread that runs embedded PGlite, so its WebAssembly never holds the server's event
// loop. It answers the requests of `PgliteOnThread` (client.ts) one message at a time; PGlite
// itself runs one transaction at a time, as it does in the server's thread.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { sessionRoles, type SessionRole } from '../pglite-roles.ts';
import {
  serializeError,
  type Notification,
  type Query,
  type Reply,
  type Request,
  type WorkerOptions,
} from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('the PGlite worker runs in a worker thread');
const options = workerData as WorkerOptions;
const pg = await PGlite.create({
  ...(options.dataDir ? { dataDir: options.dataDir } : {}),
  ...(options.loadDataDir ? { loadDataDir: new Blob([options.loadDataDir]) } : {}),
  relaxedDurability: false,
});

/** Open transactions: the handle to run statements in, and how to end it. */
const open = new Map<number, { tx: Transaction; end: (commit: boolean) => void }>();
/** How each transaction ended: PGlite's own promise for it. */
const ended = new Map<number, Promise<unknown>>();
const unlisteners = new Map<string, () => Promise<void>>();
let nextTx = 1;
const ROLLBACK = Symbol('rollback');

/** The owner's and the server's handles, each taking its role for the connection. */
const roles = sessionRoles(pg);

/**
 * Where a statement runs: its transaction, or its handle's role, or PGlite itself as the
 * connection is (each waits for any open transaction).
 */
const target = (tx: number | undefined, role: SessionRole | undefined) => {
  if (tx === undefined) return role ? roles[role] : pg;
  const found = open.get(tx)?.tx;
  if (!found) throw new Error(`transaction ${tx} is not open`);
  return found;
};

/** Opens a transaction and answers with its number once it is open. */
function begin(role: SessionRole): Promise<number> {
  return new Promise((opened, failed) => {
    const id = nextTx++;
    const done = roles[role].transaction(
      (tx) =>
        new Promise<void>((commit, rollback) => {
          open.set(id, { tx, end: (yes) => (yes ? commit() : rollback(ROLLBACK)) });
          opened(id);
        }),
    );
    ended.set(id, done);
    done.catch((err: unknown) => {
      if (!open.has(id)) failed(err); // it never opened
    });
  });
}
async function end(tx: number, commit: boolean): Promise<void> {
  const entry = open.get(tx);
  if (!entry) throw new Error(`transaction ${tx} is not open`);
  entry.end(commit);
  open.delete(tx);
  const done = ended.get(tx);
  ended.delete(tx);
  try {
    await done;
  } catch (err) {
    if (err !== ROLLBACK) throw err;
  }
}

function run(statement: Query) {
  const parsers = Object.fromEntries(
    (statement.rawTypes ?? []).map((oid) => [oid, (v: string) => v]),
  );
  return target(statement.tx, statement.role).query(statement.sql, statement.params, {
    rowMode: statement.rowMode ?? 'object',
    parsers,
  });
}

async function handle(request: Request): Promise<unknown> {
  switch (request.op) {
    case 'query':
      return run(request);
    case 'begin': {
      const tx = await begin(request.role);
      try {
        return { tx, first: await run({ ...request.first, tx }) };
      } catch (err) {
        throw Object.assign(err instanceof Error ? err : new Error(String(err)), { openTx: tx });
      }
    }
    case 'end':
      return end(request.tx, request.commit);
    case 'listen': {
      const unlisten = await pg.listen(request.channel, (payload) =>
        port?.postMessage({
          op: 'notify',
          channel: request.channel,
          payload,
        } satisfies Notification),
      );
      unlisteners.set(request.channel, unlisten);
      return null;
    }
    case 'unlisten':
      await unlisteners.get(request.channel)?.();
      unlisteners.delete(request.channel);
      return null;
    case 'dump': {
      const tarball = await pg.dumpDataDir('gzip');
      return tarball.arrayBuffer();
    }
    case 'close':
      await pg.close();
      return null;
  }
}

port.on('message', ({ id, request }: { id: number; request: Request }) => {
  handle(request).then(
    (value) => {
      const transfer = value instanceof ArrayBuffer ? [value] : [];
      port.postMessage({ id, ok: true, value } satisfies Reply, transfer);
      if (request.op === 'close') port.close();
    },
    (err: unknown) =>
      port.postMessage({ id, ok: false, error: serializeError(err) } satisfies Reply),
  );
});
port.postMessage({ op: 'ready' });
