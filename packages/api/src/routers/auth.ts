import { login, LoginInput, logout } from '../domain/auth/index.ts';
import { publicProcedure, router, staffProcedure } from '../trpc.ts';

export const authRouter = router({
  login: publicProcedure.input(LoginInput).mutation(async ({ ctx, input }) => {
    const result = await login({ ctx, input });
    ctx.sessionCookie?.set(result.token, result.expiresAt);
    return { token: result.token, expiresAt: result.expiresAt.toISOString(), staff: result.staff };
  }),
  logout: publicProcedure.mutation(async ({ ctx }) => {
    const result = await logout({ ctx });
    ctx.sessionCookie?.clear();
    return result;
  }),
  me: staffProcedure.query(({ ctx }) => ctx.principal),
});
