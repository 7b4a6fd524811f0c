import { sessions, staff, staffMemberships, stores } from '@kds/db';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { requireStaff } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { ForbiddenError } from '../errors.ts';
import { acrossStores } from '../transaction.ts';
import { staffLanguageOf } from './languages.ts';
import { recordAudit } from '../audit.ts';

export const SwitchStoreInput = z.object({ storeId: z.uuid() });
export type SwitchStoreInput = z.infer<typeof SwitchStoreInput>;

/**
 * Who is signed in, the store the session acts on, every store they may switch to, and what
 * the server is connected to (the console says so when payments or messages are simulated).
 */
export async function whoAmI({ ctx }: { ctx: DomainContext }) {
  const principal = requireStaff(ctx);
  const [me] = await ctx.db
    .select({ id: staff.id, name: staff.name, email: staff.email, language: staff.language })
    .from(staff)
    .where(eq(staff.id, principal.staffId));
  // The stores of the account: its memberships, across stores.
  const memberships = await acrossStores(ctx, 'account', ({ db }) =>
    db
      .select({
        id: stores.id,
        name: stores.name,
        slug: stores.slug,
        role: staffMemberships.role,
        locale: stores.locale,
        timezone: stores.timezone,
        currency: stores.currency,
        staffLanguage: stores.staffLanguage,
      })
      .from(staffMemberships)
      .innerJoin(stores, eq(stores.id, staffMemberships.storeId))
      .where(
        and(eq(staffMemberships.staffId, principal.staffId), isNull(staffMemberships.suspendedAt)),
      )
      .orderBy(asc(stores.name)),
  );
  const store = memberships.find((m) => m.id === principal.storeId) ?? null;
  return {
    staff: me,
    role: principal.role,
    mustChangePassword: principal.mustChangePassword,
    store,
    /** What the console speaks: the person's own choice, else this store's staff language. */
    language: staffLanguageOf(me?.language, store ?? { staffLanguage: 'en' }),
    stores: memberships,
    services: ctx.config.services,
    version: ctx.config.version,
  };
}

/**
 * Moves this session to another of the staff member's stores; everything after it is scoped
 * to that store. A WebSocket keeps the store it connected with, so clients reconnect after.
 */
export async function switchStore({ ctx, input }: { ctx: DomainContext; input: SwitchStoreInput }) {
  const principal = requireStaff(ctx);
  // The session moves from one of the account's stores to another: it crosses stores.
  return acrossStores(ctx, 'account', async ({ db }) => {
    const [membership] = await db
      .select()
      .from(staffMemberships)
      .where(
        and(
          eq(staffMemberships.staffId, principal.staffId),
          eq(staffMemberships.storeId, input.storeId),
          isNull(staffMemberships.suspendedAt),
        ),
      );
    if (!membership) throw new ForbiddenError({ key: 'access.notYourStore' });
    await db
      .update(sessions)
      .set({ storeId: input.storeId })
      .where(eq(sessions.id, principal.sessionId));
    await recordAudit(
      db,
      { ...principal, storeId: input.storeId },
      {
        action: 'session.switched_store',
        entity: 'session',
        entityId: principal.sessionId,
        before: { storeId: principal.storeId },
        after: { storeId: input.storeId },
      },
    );
    return { storeId: input.storeId, role: membership.role };
  });
}
