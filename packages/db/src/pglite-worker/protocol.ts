import type { SessionRole } from '../pglite-roles.ts';

/** Messages between the server's thread and the thread that runs embedded PGlite. */
export interface WorkerOptions {
  dataDir?: string;
  /** A data directory tarball to start from (test fixtures, restores). */
  loadDataDir?: ArrayBuffer;
}

/** A statement: in an open transaction, or alone as a handle's (or as the connection is). */
export interface Query {
  op: 'query';
  tx?: number;
  /** Outside a transaction: the handle it comes from (none: as the connection is). */
  role?: SessionRole;
  sql: string;
  params?: unknown[];
  rowMode?: 'array' | 'object';
  rawTypes?: number[];
}

export type Request =
  | Query
  /**
   * Opens a transaction and runs its first statement: answers with both, or with the
   * statement's error carrying `openTx` (the transaction stays open, to be ended).
   */
  | { op: 'begin'; role: SessionRole; first: Query }
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'listen'; channel: string }
  | { op: 'unlisten'; channel: string }
  | { op: 'dump' }
  | { op: 'close' };

export type Reply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerializedError };

/** A notification on a channel the server listens to. */
export interface Notification {
  op: 'notify';
  channel: string;
  payload: string;
}

/** An error as it crosses threads: its message and fields (a database error's code, detail, …). */
export type SerializedError = { message: string; name: string } & Record<string, unknown>;

export function serializeError(err: unknown): SerializedError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(err)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value))
      fields[key] = value;
  }
  return { ...fields, name: err.name, message: err.message };
}

export function deserializeError(serialized: SerializedError): Error {
  const { message, name, ...fields } = serialized;
  return Object.assign(new Error(message), fields, { name });
}
