import { staff } from '@kds/db';
import { eq } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';
import { requireStaff } from './principal.ts';
import type { SetLanguageInput } from './schemas.ts';

/**
 * Anyone signed in chooses the language they read the kitchen and admin in, for every store
 * they work at; null goes back to each store's. It is theirs: no store sets it for them.
 */
export async function setOwnLanguage({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: SetLanguageInput;
}): Promise<{ language: SetLanguageInput['language'] }> {
  const me = requireStaff(ctx);
  await ctx.db.update(staff).set({ language: input.language }).where(eq(staff.id, me.staffId));
  return { language: input.language };
}
