import { z } from 'zod';
import { NewPassword } from '../auth/schemas.ts';

const Role = z.enum(['owner', 'manager', 'kitchen']);
const Email = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());
/** `<invitation id>.<signature>`, as in the emailed link. */
const Token = z.string().min(40).max(200);

export const InviteStaffInput = z.object({
  name: z.string().trim().min(1).max(80),
  email: Email,
  role: Role,
});
export type InviteStaffInput = z.infer<typeof InviteStaffInput>;

export const InvitationIdInput = z.object({ invitationId: z.uuid() });
export type InvitationIdInput = z.infer<typeof InvitationIdInput>;

export const InvitationTokenInput = z.object({ token: Token });
export type InvitationTokenInput = z.infer<typeof InvitationTokenInput>;

/** From the list of one's own invitations (an id) or from the emailed link (its token). */
export const AcceptInvitationInput = z.union([InvitationIdInput, InvitationTokenInput]);
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationInput>;

export const SignUpInput = z.object({
  token: Token,
  name: z.string().trim().min(1).max(80),
  password: NewPassword,
});
export type SignUpInput = z.infer<typeof SignUpInput>;
