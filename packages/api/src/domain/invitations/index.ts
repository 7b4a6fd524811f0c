export { acceptInvitation } from './accept-invitation.ts';
export { cancelInvitation } from './cancel-invitation.ts';
export { declineInvitation } from './decline-invitation.ts';
export { invitationForToken } from './invitation-for-token.ts';
export { invitationIdOf, invitationLink, invitationToken } from './invitation-token.ts';
export { inviteStaff } from './invite-staff.ts';
export { listStoreInvitations } from './list-store-invitations.ts';
export { myInvitations } from './my-invitations.ts';
export {
  AcceptInvitationInput,
  InvitationIdInput,
  InvitationTokenInput,
  InviteStaffInput,
  SignUpInput,
} from './schemas.ts';
export { signUp } from './sign-up.ts';
