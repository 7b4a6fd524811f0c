import type { DomainContext, TxContext } from './context.ts';

/**
 * Runs `fn` in a transaction, reusing one that is already open. After-commit hooks (live event
 * delivery) run only once the outermost transaction has committed.
 */
export async function withTransaction<T>(
  ctx: DomainContext | TxContext,
  fn: (ctx: TxContext) => Promise<T>,
): Promise<T> {
  if ('tx' in ctx) return fn(ctx);
  const hooks: (() => void)[] = [];
  const result = await ctx.db.transaction((tx) =>
    fn({ ...ctx, tx, afterCommit: (hook) => hooks.push(hook) }),
  );
  for (const hook of hooks) hook();
  return result;
}
