import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDb, executeRows, type Database, type DbHandle } from './client.ts';

// PGlite's one connection serves two handles: the owner's and the server's (kds_app). Whatever
// order their statements come in, each must run as its own handle's role, in the server's
// thread and on PGlite's own.
describe.each([
  { where: 'in the server thread', thread: false },
  { where: 'on a thread of its own', thread: true },
])('one PGlite connection, two roles ($where)', ({ thread }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createDb({ driver: 'pglite', thread });
    await handle.migrate();
  });
  afterAll(() => handle.close());

  const who = async (db: Database) =>
    (await executeRows<{ role: string }>(db, sql`select current_user as role`))[0]?.role;
  const whoInTransaction = (db: Database) =>
    db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      return (await executeRows<{ role: string }>(tx, sql`select current_user as role`))[0]?.role;
    });

  test('statements and transactions of both handles, sent together, each run as their own', async () => {
    const sent = Array.from({ length: 120 }, (_, i) => {
      const owner = (i * 7) % 3 === 0;
      const db = owner ? handle.db : handle.app;
      const answer = i % 2 === 0 ? who(db) : whoInTransaction(db);
      return answer.then((role) => ({ owner, role }));
    });
    const answers = await Promise.all(sent);
    expect(answers.filter((a) => a.owner).every((a) => a.role === 'postgres')).toBe(true);
    expect(answers.filter((a) => !a.owner).every((a) => a.role === 'kds_app')).toBe(true);
    expect(answers.filter((a) => a.owner).length).toBeGreaterThan(30);
  });

  test("a failed statement or transaction leaves neither handle in the other's role", async () => {
    await expect(handle.db.execute(sql`select * from no_such_table`)).rejects.toThrow();
    expect(await who(handle.app)).toBe('kds_app');
    await expect(
      handle.app.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        throw new Error('the verb refused');
      }),
    ).rejects.toThrow('the verb refused');
    expect(await who(handle.db)).toBe('postgres');
    expect(await who(handle.app)).toBe('kds_app');
  });

  test("a path across stores takes the owner's role for its transaction only", async () => {
    const inside = await handle.app.transaction(async (tx) => {
      await tx.execute(sql`set local role none`);
      return (await executeRows<{ role: string }>(tx, sql`select current_user as role`))[0]?.role;
    });
    expect(inside).toBe('postgres');
    expect(await who(handle.app)).toBe('kds_app');
  });

  test("the server's handle cannot checkpoint; a backup's dump (the owner's) can", async () => {
    await expect(handle.app.execute(sql`checkpoint`)).rejects.toThrow();
    const tarball = await handle.dumpDataDir?.();
    expect(tarball?.size).toBeGreaterThan(0);
  });
});
