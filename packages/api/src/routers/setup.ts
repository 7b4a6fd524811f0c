import { createFirstStore, FirstRunInput, needsFirstRun } from '../domain/setup/index.ts';
import { alone, limitFailures, publicProcedure, router } from '../trpc.ts';

const badCodes = limitFailures((limits) => limits.setup, 'address', 'limits.setupCodes');

/**
 * First run: while the install has no store, the admin console offers to create the owner and
 * the first store, with the one-time code the server printed in its log.
 */
export const setupRouter = router({
  status: publicProcedure.query(async ({ ctx }) => ({ needed: await needsFirstRun(ctx.db) })),
  /** Creates the owner and the first store; signs the owner in (cookie) like `auth.login`. */
  create: publicProcedure
    .use(alone)
    .use(badCodes)
    .input(FirstRunInput)
    .mutation(async ({ ctx, input }) => {
      const result = await createFirstStore({ ctx, input });
      ctx.sessionCookie?.set(result.token, result.expiresAt);
      return {
        token: result.token,
        expiresAt: result.expiresAt.toISOString(),
        staff: result.staff,
      };
    }),
});
