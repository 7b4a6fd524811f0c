import postgres from 'postgres';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestDb, type TestDb } from './testing/index.ts';

// The PostgreSQL driver under a connection that dies mid-transaction (a restart, a failover, a
// pooler's reset): the query after it must fail, catchably, and the process must live on.
// postgres.js 3.4.9 wrote to the closed socket from a timer and took the process down
// (porsager/postgres#1066, #1154, #1208); patches/postgres@3.4.9.patch guards it.
let handle: TestDb;
let admin: postgres.Sql;
beforeAll(async () => {
  handle = await createTestDb();
  admin = postgres(handle.url ?? '', { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await admin.end();
  await handle.close();
});

/** Ends the server side of a connection, and waits until the server has let it go. */
async function killBackend(pid: number) {
  await admin`select pg_terminate_backend(${pid})`;
  for (;;) {
    const [row] = await admin`select count(*)::int as n from pg_stat_activity where pid = ${pid}`;
    if (row?.n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // The close reaches the client on its own turn of the event loop.
  await new Promise((resolve) => setTimeout(resolve, 200));
}

test('a transaction whose connection died fails its next query; the pool serves the next one', async () => {
  const sql = postgres(handle.url ?? '', { max: 1, onnotice: () => {} });
  try {
    const outcome = sql.begin(async (tx) => {
      const [row] = await tx`select pg_backend_pid() as pid`;
      await killBackend(Number(row?.pid));
      await tx`select 1`;
    });
    await expect(outcome).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
    expect(await sql`select 1 as one`).toEqual([{ one: 1 }]);
  } finally {
    await sql.end({ timeout: 1 });
  }
});

test('a reserved connection whose server went away fails its next query', async () => {
  const sql = postgres(handle.url ?? '', { max: 2, onnotice: () => {} });
  try {
    const reserved = await sql.reserve();
    const [row] = await reserved`select pg_backend_pid() as pid`;
    await killBackend(Number(row?.pid));
    await expect(reserved`select 1`).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
    reserved.release();
  } finally {
    await sql.end({ timeout: 1 });
  }
});
