import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NEVER_BATCHED } from '../client.ts';
import { appRouter } from '../root.ts';
import { createHarness, trpcCodeOf, type Harness } from '../test/fixtures.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('procedures that try a secret', () => {
  test.each([...NEVER_BATCHED])(
    '%s is refused inside a batch, before anything is counted',
    async (path) => {
      expect(path in appRouter._def.procedures).toBe(true);
      // Signed in, so that the check under test is the one that answers.
      const manager = await h.staffOf(h.demo.storeId, 'manager');
      let target: unknown = appRouter.createCaller({ ...h.ctx(manager), batchSize: 2 });
      for (const part of path.split('.')) target = (target as Record<string, unknown>)[part];
      const call = (target as (input: unknown) => Promise<unknown>)({});
      expect(await trpcCodeOf(call)).toBe('BAD_REQUEST');
    },
  );
});
