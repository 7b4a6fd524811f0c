import { staff, type OutboxMessage } from '@kds/db';
import { eq } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';
import type { Email } from '../notifications/email.ts';
import { escapeHtml } from '../notifications/html.ts';
import { NoLongerNeeded } from '../outbox/run-outbox.ts';
import { openInvitation } from './internal.ts';
import { invitationLink, invitationToken } from './invitation-token.ts';

const ROLE_WORDS = { owner: 'an owner', manager: 'a manager', kitchen: 'kitchen staff' };

/** The invitation email, rendered when sent: the link's token is never stored. */
export async function invitationEmail(
  ctx: DomainContext,
  message: OutboxMessage,
): Promise<Omit<Email, 'to'>> {
  const id = String(message.payload.invitationId);
  const open = await openInvitation(ctx.db, id, ctx.now()).catch(() => null);
  if (!open)
    throw new NoLongerNeeded('not sent: the invitation was answered, withdrawn or has expired');
  const { invitation, storeName } = open;
  const [inviter] = await ctx.db
    .select({ name: staff.name })
    .from(staff)
    .where(eq(staff.id, invitation.invitedBy));
  const who = inviter?.name ?? 'A manager';
  const link = invitationLink(ctx.config.publicUrl, invitationToken(ctx.config.pickupPepper, id));
  const days = Math.round((invitation.expiresAt.getTime() - ctx.now().getTime()) / 86_400_000);
  const intro = `${who} invited you to join ${storeName} on KDS as ${ROLE_WORDS[invitation.role]}.`;
  const how =
    'If you already have a KDS account with this email address, open the link and sign in to ' +
    'accept. If you are new, the link lets you choose your password.';
  const ignore = 'If you did not expect this, ignore this email: nothing happens without you.';
  return {
    subject: `Join ${storeName} on KDS`,
    text: [
      intro,
      '',
      how,
      '',
      `Accept: ${link}`,
      `(The link works for ${days} days.)`,
      '',
      ignore,
    ].join('\n'),
    html: `<div style="font-family:system-ui,sans-serif;max-width:32rem;font-size:16px;line-height:1.5">
<p>${escapeHtml(intro)}</p><p>${escapeHtml(how)}</p>
<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:12px 20px;background:#111;color:#fff;border-radius:8px;text-decoration:none">Accept the invitation</a></p>
<p style="color:#555">The link works for ${days} days. ${escapeHtml(ignore)}</p></div>`,
  };
}
