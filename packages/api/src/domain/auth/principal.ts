import type { DomainContext, Principal } from '../context.ts';
import { ForbiddenError, UnauthorizedError } from '../errors.ts';

export type StaffRole = 'owner' | 'manager' | 'kitchen';
export type StaffPrincipal = Extract<Principal, { kind: 'staff' }>;

/** Who outranks whom: an owner manages managers and cooks, a manager manages cooks. */
export const RANK: Record<StaffRole, number> = { kitchen: 1, manager: 2, owner: 3 };

/** Anyone who may work the kitchen screens: any staff member or a paired device. */
export function requireKitchen(ctx: DomainContext): Principal {
  if (!ctx.principal) throw new UnauthorizedError('sign in or pair this screen first');
  return ctx.principal;
}

/** A signed-in person (not a paired screen). */
export function requireStaff(ctx: DomainContext): StaffPrincipal {
  const p = ctx.principal;
  if (p?.kind !== 'staff') throw new UnauthorizedError('sign in first');
  return p;
}

export function requireManager(ctx: DomainContext): StaffPrincipal {
  const p = ctx.principal;
  if (!p) throw new UnauthorizedError('sign in first');
  if (p.kind !== 'staff' || (p.role !== 'owner' && p.role !== 'manager')) {
    throw new ForbiddenError('a manager or owner must do this');
  }
  return p;
}
