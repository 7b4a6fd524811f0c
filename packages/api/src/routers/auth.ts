import {
  changePassword,
  ChangePasswordInput,
  login,
  LoginInput,
  logout,
  logoutEverywhere,
  setOwnLanguage,
  SetLanguageInput,
} from '../domain/auth/index.ts';
import { alone, limitFailures, publicProcedure, router, staffProcedure } from '../trpc.ts';

export const authRouter = router({
  login: publicProcedure
    .use(alone)
    .use(limitFailures((limits) => limits.login, 'address', 'limits.failedSignIns'))
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
  /** One's own password: the current one is needed; every other session ends. */
  changePassword: staffProcedure
    .use(alone)
    .input(ChangePasswordInput)
    .mutation(({ ctx, input }) => changePassword({ ctx, input })),
  me: staffProcedure.query(({ ctx }) => ctx.principal),
  /** One's own language for the kitchen and admin; null follows each store's. */
  setLanguage: staffProcedure
    .input(SetLanguageInput)
    .mutation(({ ctx, input }) => setOwnLanguage({ ctx, input })),
});
