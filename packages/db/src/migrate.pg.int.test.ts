import { afterAll, beforeAll, expect, test } from 'vitest';
import { createDb, type DbHandle } from './client.ts';
import { createTestDb, type TestDb } from './testing/index.ts';

// Several instances on one database: PostgreSQL only (the file runs in the PostgreSQL pass).
let handle: TestDb;
let instances: DbHandle[] = [];
beforeAll(async () => {
  handle = await createTestDb();
  instances = await Promise.all(
    Array.from({ length: 6 }, () => createDb({ driver: 'postgres', url: handle.url ?? '' })),
  );
});
afterAll(async () => {
  await Promise.all(instances.map((i) => i.close()));
  await handle.close();
});

test('instances that start together all migrate (a rolling deploy, a scaled service)', async () => {
  for (let round = 0; round < 5; round += 1) {
    const outcomes = await Promise.allSettled(instances.map((i) => i.migrate()));
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [String(o.reason)] : []));
    expect(refused).toEqual([]);
  }
});
