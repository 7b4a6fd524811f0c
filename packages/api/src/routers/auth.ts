import { login, LoginInput, logout, logoutEverywhere } from '../domain/auth/index.ts';
import { limitFailures, publicProcedure, router, staffProcedure } from '../trpc.ts';

export const authRouter = router({
  login: publicProcedure
    .use(limitFailures((limits) => limits.login, { byAddress: true }))
    .input(LoginInput)
    .mutation(async ({ ctx, input }) => {
      const result = await login({ ctx, input });
      ctx.sessionCookie?.set(result.token, result.expiresAt);
      return {
        token: result.token,
        expiresAt: result.expiresAt.toISOString(),
        staff: result.staff,
      };
    }),
  logout: publicProcedure.mutation(async ({ ctx }) => {
    const result = await logout({ ctx });
    ctx.sessionCookie?.clear();
    return result;
  }),
  logoutEverywhere: staffProcedure.mutation(async ({ ctx }) => {
    const result = await logoutEverywhere({ ctx });
    ctx.sessionCookie?.clear();
    return result;
  }),
  me: staffProcedure.query(({ ctx }) => ctx.principal),
});
