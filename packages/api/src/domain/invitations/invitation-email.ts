import { staff, type OutboxMessage } from '@kds/db';
import { translatorFor } from '@kds/i18n';
import { eq } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';
import { acrossStores } from '../transaction.ts';
import type { Email } from '../notifications/email.ts';
import { escapeHtml } from '../notifications/html.ts';
import { NoLongerNeeded } from '../outbox/run-outbox.ts';
import { staffLanguageOf } from '../stores/languages.ts';
import { openInvitation } from './internal.ts';
import { invitationLink, invitationToken } from './invitation-token.ts';

/**
 * The invitation email, rendered when sent: the link's token is never stored. In the language
 * the invitee chose, if they already have an account; else in the store's staff language.
 */
export async function invitationEmail(
  ctx: DomainContext,
  message: OutboxMessage,
): Promise<Omit<Email, 'to'>> {
  const id = String(message.payload.invitationId);
  const open = await acrossStores(ctx, 'invitation-link', ({ db }) =>
    openInvitation(db, id, ctx.now()),
  ).catch(() => null);
  if (!open)
    throw new NoLongerNeeded('not sent: the invitation was answered, withdrawn or has expired');
  const { invitation, storeName } = open;
  const [inviter] = await ctx.db
    .select({ name: staff.name })
    .from(staff)
    .where(eq(staff.id, invitation.invitedBy));
  const [invitee] = await ctx.db
    .select({ language: staff.language })
    .from(staff)
    .where(eq(staff.email, invitation.email.toLowerCase()));
  const t = translatorFor(staffLanguageOf(invitee?.language, open), 'server');
  const link = invitationLink(ctx.config.publicUrl, invitationToken(ctx.config.pickupPepper, id));
  const days = Math.round((invitation.expiresAt.getTime() - ctx.now().getTime()) / 86_400_000);
  const who = inviter?.name ?? t('invitation.someone');
  const intro = t(`invitation.intro_${invitation.role}`, { who, store: storeName });
  const how = t('invitation.how');
  const lasts = t('invitation.lasts', { count: days });
  const ignore = t('invitation.ignore');
  return {
    subject: t('invitation.subject', { store: storeName }),
    text: [intro, '', how, '', t('invitation.accept', { link }), lasts, '', ignore].join('\n'),
    html: `<div style="font-family:system-ui,sans-serif;max-width:32rem;font-size:16px;line-height:1.5">
<p>${escapeHtml(intro)}</p><p>${escapeHtml(how)}</p>
<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:12px 20px;background:#111;color:#fff;border-radius:8px;text-decoration:none">${escapeHtml(t('invitation.acceptButton'))}</a></p>
<p style="color:#555">${escapeHtml(lasts)} ${escapeHtml(ignore)}</p></div>`,
  };
}
