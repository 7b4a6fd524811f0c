import { sessions } from '@kds/db';
import type { DomainContext } from '../context.ts';
import { inStore } from '../transaction.ts';
import type { StaffRole } from './principal.ts';
import { newToken, STAFF_TOKEN_PREFIX } from './tokens.ts';

export interface LoginResult {
  token: string;
  expiresAt: Date;
  staff: {
    id: string;
    name: string;
    email: string;
    role: StaffRole;
    storeId: string;
    mustChangePassword: boolean;
  };
}

/** A new session for an account at one of its stores (sign-in, or joining by invitation). */
export async function openSession(
  ctx: DomainContext,
  account: { id: string; name: string; email: string; mustChangePassword: boolean },
  membership: { storeId: string; role: StaffRole },
): Promise<LoginResult> {
  const { token, tokenHash } = newToken(STAFF_TOKEN_PREFIX);
  const expiresAt = new Date(ctx.now().getTime() + ctx.config.sessionTtlMs);
  await inStore(ctx, membership.storeId, ({ db }) =>
    db.insert(sessions).values({
      staffId: account.id,
      storeId: membership.storeId,
      tokenHash,
      expiresAt,
    }),
  );
  return {
    token,
    expiresAt,
    staff: {
      id: account.id,
      name: account.name,
      email: account.email,
      role: membership.role,
      storeId: membership.storeId,
      mustChangePassword: account.mustChangePassword,
    },
  };
}
