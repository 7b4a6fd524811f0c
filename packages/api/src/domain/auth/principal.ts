import type { ApiScope } from '@kds/db';
import type { DomainContext, Principal } from '../context.ts';
import { ForbiddenError, UnauthorizedError } from '../errors.ts';

export type StaffRole = 'owner' | 'manager' | 'kitchen';
export type StaffPrincipal = Extract<Principal, { kind: 'staff' }>;
/** Who works the kitchen: a person signed in, or a paired screen (never an API key). */
export type KitchenPrincipal = Extract<Principal, { kind: 'staff' | 'device' }>;

/** Who outranks whom: an owner manages managers and cooks, a manager manages cooks. */
export const RANK: Record<StaffRole, number> = { kitchen: 1, manager: 2, owner: 3 };

/** Anyone who may work the kitchen screens: any staff member or a paired device. */
export function requireKitchen(ctx: DomainContext): KitchenPrincipal {
  const p = ctx.principal;
  if (!p) throw new UnauthorizedError({ key: 'access.signInOrPair' });
  if (p.kind === 'apiKey') throw new ForbiddenError({ key: 'access.noKitchenForKeys' });
  return p;
}

/** A signed-in person (not a paired screen). */
export function requireStaff(ctx: DomainContext): StaffPrincipal {
  const p = ctx.principal;
  if (p?.kind !== 'staff') throw new UnauthorizedError({ key: 'access.signIn' });
  return p;
}

export function requireManager(ctx: DomainContext): StaffPrincipal {
  const p = ctx.principal;
  if (!p) throw new UnauthorizedError({ key: 'access.signIn' });
  if (p.kind !== 'staff' || (p.role !== 'owner' && p.role !== 'manager')) {
    throw new ForbiddenError({ key: 'access.managerOrOwner' });
  }
  return p;
}

export type ApiKeyPrincipal = Extract<Principal, { kind: 'apiKey' }>;

/** An integration whose API key holds `scope`. */
export function requireScope(ctx: DomainContext, scope: ApiScope): ApiKeyPrincipal {
  const p = ctx.principal;
  if (!p) throw new UnauthorizedError({ key: 'access.apiKeyNeeded' });
  if (p.kind !== 'apiKey') {
    throw new ForbiddenError({ key: 'access.apiKeyOnly' });
  }
  if (!p.scopes.includes(scope)) {
    throw new ForbiddenError(
      { key: 'access.scopeMissing', values: { scope } },
      {
        reason: 'SCOPE_MISSING',
        scope,
      },
    );
  }
  return p;
}

/** A manager in the console, or an integration whose key holds `scope`. */
export function requireManagerOrScope(
  ctx: DomainContext,
  scope: ApiScope,
): StaffPrincipal | ApiKeyPrincipal {
  return ctx.principal?.kind === 'apiKey' ? requireScope(ctx, scope) : requireManager(ctx);
}
