import type { DomainContext } from '../context.ts';
import { acrossStores } from '../transaction.ts';
import { idFromToken, openInvitation } from './internal.ts';
import type { InvitationTokenInput } from './schemas.ts';

/** What an invitation link offers, for its holder: which store, as what, for which address. */
export async function invitationForToken({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: InvitationTokenInput;
}) {
  const id = idFromToken(ctx.config.pickupPepper, input.token);
  const { invitation, storeName } = await acrossStores(ctx, 'invitation-link', ({ db }) =>
    openInvitation(db, id, ctx.now()),
  );
  return {
    storeName,
    email: invitation.email,
    name: invitation.name,
    role: invitation.role,
    expiresAt: invitation.expiresAt.toISOString(),
  };
}
