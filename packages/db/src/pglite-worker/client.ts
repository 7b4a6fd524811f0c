import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PGlite, Results, Transaction } from '@electric-sql/pglite';
import type { SessionRole } from '../pglite-roles.ts';
import {
  deserializeError,
  type Notification,
  type Query,
  type Reply,
  type Request,
  type WorkerOptions,
} from './protocol.ts';

type QueryOptions = { rowMode?: 'array' | 'object'; parsers?: Record<number, unknown> };

/** The statements a transaction (or the database) runs: what Drizzle's PGlite driver calls. */
interface Statements {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
}

/**
 * Embedded PGlite on a thread of its own, with the part of PGlite's interface that Drizzle and
 * the server use: statements (`query`), a handle's statements and transactions (`as`), LISTEN,
 * the data directory's tarball, close. Each statement is a message; the server's event loop
 * stays free while PGlite works.
 *
 * Drizzle asks for some types unparsed (dates, intervals) with parsers that return the text as
 * it is; functions cannot cross threads, so the worker is told which types to leave as text.
 */
export class PgliteOnThread implements Statements {
  readonly #worker: Worker;
  readonly #pending = new Map<
    number,
    { resolve(value: unknown): void; reject(err: Error): void }
  >();
  readonly #listeners = new Map<string, (payload: string) => void>();
  #next = 1;
  #failure: Error | null = null;

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (message: Reply | Notification) => {
      if ('op' in message) {
        this.#listeners.get(message.channel)?.(message.payload);
        return;
      }
      const pending = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if (message.ok) pending?.resolve(message.value);
      else pending?.reject(deserializeError(message.error));
    });
    worker.on('error', (err) => this.#fail(err));
    worker.on('exit', (code) => this.#fail(new Error(`the PGlite thread exited (code ${code})`)));
  }

  /** Starts the thread and resolves once PGlite has opened its data directory. */
  static async start(options: { dataDir?: string; loadDataDir?: Blob }): Promise<PgliteOnThread> {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    const data: WorkerOptions = {
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: await options.loadDataDir.arrayBuffer() } : {}),
    };
    const worker = new Worker(workerFile(), {
      workerData: data,
      transferList: data.loadDataDir ? [data.loadDataDir] : [],
    });
    await new Promise<void>((ready, failed) => {
      const onMessage = (message: { op?: string }) => {
        if (message.op !== 'ready') return;
        worker.off('message', onMessage);
        worker.off('error', failed);
        ready();
      };
      worker.on('message', onMessage);
      worker.once('error', failed);
    });
    return new PgliteOnThread(worker);
  }

  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.#call(query(undefined, sql, params, options)) as Promise<Results<T>>;
  }

  /**
   * The statements and transactions of one handle: the thread takes the handle's role for the
   * connection before it runs them (`sessionRoles`, on the thread, where PGlite runs).
   */
  as(role: SessionRole): Pick<PGlite, 'query' | 'transaction'> {
    const statements = {
      query: <T>(sql: string, params?: unknown[], options?: QueryOptions) =>
        this.#call({ ...query(undefined, sql, params, options), role }) as Promise<Results<T>>,
      transaction: <T>(fn: (tx: Transaction) => Promise<T>) => this.#transaction(fn, role),
    };
    return statements as Pick<PGlite, 'query' | 'transaction'>;
  }

  /**
   * A transaction opens with its first statement, in one message (`begin` with `first`): PGlite
   * runs one transaction at a time, and every message it waits for inside one holds back all the
   * others, so a round trip saved inside a transaction is one saved for everybody waiting.
   */
  async #transaction<T>(fn: (tx: Transaction) => Promise<T>, role: SessionRole): Promise<T> {
    let opened: Promise<number> | undefined;
    const statements: Statements = {
      query: <R>(sql: string, params?: unknown[], options?: QueryOptions) => {
        if (opened) {
          return opened.then((tx) => this.#call(query(tx, sql, params, options))) as Promise<
            Results<R>
          >;
        }
        const first = this.#call({
          op: 'begin',
          role,
          first: query(undefined, sql, params, options),
        }) as Promise<{ tx: number; first: Results<R> }>;
        // A first statement that failed leaves the transaction open, to be rolled back below.
        opened = first.then(
          (opening) => opening.tx,
          (err: unknown) => {
            const tx = (err as { openTx?: unknown }).openTx;
            if (typeof tx === 'number') return tx;
            throw err;
          },
        );
        opened.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
        return first.then((opening) => opening.first);
      },
    };
    let result: T;
    try {
      result = await fn(statements as Transaction);
    } catch (err) {
      const tx = await opened?.catch(() => undefined);
      if (tx !== undefined) await this.#call({ op: 'end', tx, commit: false });
      throw err;
    }
    if (opened) await this.#call({ op: 'end', tx: await opened, commit: true });
    return result;
  }

  /** LISTEN on a channel; one listener per channel. Resolves with the way to stop. */
  async listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
    this.#listeners.set(channel, onNotify);
    await this.#call({ op: 'listen', channel });
    return async () => {
      this.#listeners.delete(channel);
      await this.#call({ op: 'unlisten', channel });
    };
  }

  /** The data directory as a gzipped tarball (after a checkpoint). */
  async dumpDataDir(_compression: 'gzip'): Promise<Blob> {
    return new Blob([(await this.#call({ op: 'dump' })) as ArrayBuffer]);
  }

  async close(): Promise<void> {
    if (this.#failure) return;
    await this.#call({ op: 'close' });
    await this.#worker.terminate();
  }

  #call(request: Request): Promise<unknown> {
    if (this.#failure) return Promise.reject(this.#failure);
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, request });
    });
  }

  /** The thread is gone: every statement waiting and every later one fails with why. */
  #fail(err: Error) {
    this.#failure ??= err;
    for (const pending of this.#pending.values()) pending.reject(err);
    this.#pending.clear();
  }
}

const query = (
  tx: number | undefined,
  sql: string,
  params: unknown[] | undefined,
  options: QueryOptions | undefined,
): Query => ({
  op: 'query',
  ...(tx === undefined ? {} : { tx }),
  sql,
  ...(params ? { params } : {}),
  ...(options?.rowMode ? { rowMode: options.rowMode } : {}),
  rawTypes: Object.keys(options?.parsers ?? {}).map(Number),
});

/**
 * The worker's file: built JavaScript beside the bundle in production, the TypeScript source
 * (loaded through tsx by `dev-entry.mjs`) in development and tests.
 */
function workerFile(): URL {
  const built = new URL('./pglite-worker.js', import.meta.url);
  return existsSync(fileURLToPath(built)) ? built : new URL('./dev-entry.mjs', import.meta.url);
}
