import { TRPCError } from '@trpc/server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appRouter } from '../root.ts';
import { counterOrder, createHarness, writeCounts, type Harness } from '../test/fixtures.ts';

/**
 * Property-based fuzzing of every public procedure (the ones a stranger can call): whatever the
 * input, the answer is a result or a typed client error, never an internal error, and an input
 * that is refused writes nothing.
 */
const PUBLIC = Object.entries(appRouter._def.procedures)
  .map(([path]) => path)
  .filter((path) =>
    [
      'auth.login',
      'auth.logout',
      'board.forStore',
      'board.onStore',
      'device.pair',
      'menu.forStore',
      'menu.onStore',
      'order.pickupSlots',
      'order.preview',
      'order.place',
      'order.addItems',
      'order.pay',
      'tracker.get',
      'tracker.onOrder',
      'invitation.forToken',
      'invitation.signUp',
    ].includes(path),
  );

let h: Harness;
let valid: ReturnType<typeof counterOrder>;
beforeAll(async () => {
  h = await createHarness();
  valid = counterOrder(h.demo);
});
afterAll(() => h.close());

/** Anything at all, and near misses of a real order: the shapes an attacker would try. */
function inputs() {
  const tweak = fc.oneof(
    fc.constant(-1),
    fc.constant(0),
    fc.constant(1e12),
    fc.constant(Number.NaN),
    fc.constant(''),
    fc.constant('x'.repeat(5000)),
    fc.constant(null),
    fc.constant([]),
    fc.constant({}),
    fc.uuid(),
    fc.string(),
    fc.integer(),
  );
  const nearOrder = fc
    .tuple(
      fc.constantFrom(...Object.keys(valid)),
      tweak,
      fc.constantFrom('quantity', 'menuItemId', 'modifierIds', 'notes'),
      tweak,
    )
    .map(([key, value, itemKey, itemValue]) => ({
      ...valid,
      [key]: value,
      items: [{ ...valid.items[0], [itemKey]: itemValue }],
      idempotencyKey: `fuzz-${Math.random()}`,
    }));
  return fc.oneof(
    { weight: 3, arbitrary: fc.anything({ maxDepth: 3 }) },
    { weight: 3, arbitrary: nearOrder },
    {
      weight: 1,
      arbitrary: fc.record({
        storeSlug: fc.oneof(fc.constant('demo'), fc.string()),
        trackingToken: fc.string({ minLength: 22, maxLength: 22 }),
        code: fc.string(),
        email: fc.oneof(fc.emailAddress(), fc.string()),
        password: fc.string(),
        lastEventId: fc.oneof(fc.string(), fc.constant('-1'), fc.constant('99999999999999999999')),
      }),
    },
  );
}

async function call(path: string, input: unknown): Promise<unknown> {
  let target: unknown = appRouter.createCaller(h.ctx(null));
  for (const part of path.split('.')) target = (target as Record<string, unknown>)[part];
  const result = await (target as (i: unknown) => Promise<unknown>)(input);
  // A subscription that was accepted: close it without waiting for events.
  const iterator = result as AsyncIterator<unknown> | undefined;
  if (iterator && typeof iterator.return === 'function') await iterator.return(undefined);
  return result;
}

describe('fuzzing the public procedures', () => {
  test.each(PUBLIC)('%s: no internal error, no write on a refused input', async (path) => {
    await fc.assert(
      fc.asyncProperty(inputs(), async (input) => {
        const before = await writeCounts(h.db, h.demo.storeId);
        const error = await call(path, input).then(
          () => null,
          (e: unknown) => e,
        );
        if (error === null) return; // accepted (a real query, or a near miss that was fine)
        expect(error).toBeInstanceOf(TRPCError);
        expect((error as TRPCError).code).not.toBe('INTERNAL_SERVER_ERROR');
        expect(await writeCounts(h.db, h.demo.storeId)).toEqual(before);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
  });

  test('every public procedure is fuzzed', () => {
    expect(PUBLIC).toHaveLength(16);
  });
});
