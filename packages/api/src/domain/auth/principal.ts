import type { DomainContext, Principal } from '../context.ts';
import { ForbiddenError, UnauthorizedError } from '../errors.ts';

export type StaffRole = 'owner' | 'manager' | 'kitchen';

/** Anyone who may work the kitchen screens: any staff member or a paired device. */
export function requireKitchen(ctx: DomainContext): Principal {
  if (!ctx.principal) throw new UnauthorizedError('sign in or pair this screen first');
  return ctx.principal;
}

export function requireManager(ctx: DomainContext): Extract<Principal, { kind: 'staff' }> {
  const p = ctx.principal;
  if (!p) throw new UnauthorizedError('sign in first');
  if (p.kind !== 'staff' || (p.role !== 'owner' && p.role !== 'manager')) {
    throw new ForbiddenError('a manager or owner must do this');
  }
  return p;
}
