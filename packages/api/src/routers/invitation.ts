import {
  acceptInvitation,
  AcceptInvitationInput,
  declineInvitation,
  InvitationIdInput,
  invitationForToken,
  InvitationTokenInput,
  myInvitations,
  signUp,
  SignUpInput,
} from '../domain/invitations/index.ts';
import { alone, limitFailures, publicProcedure, router, staffProcedure } from '../trpc.ts';

const badLinks = limitFailures((limits) => limits.invitation, 'address', 'limits.invitationLinks');

/** Joining a store: one's own invitations while signed in, or the emailed link. */
export const invitationRouter = router({
  mine: staffProcedure.query(({ ctx }) => myInvitations({ ctx })),
  accept: staffProcedure
    .input(AcceptInvitationInput)
    .mutation(({ ctx, input }) => acceptInvitation({ ctx, input })),
  decline: staffProcedure
    .input(InvitationIdInput)
    .mutation(({ ctx, input }) => declineInvitation({ ctx, input })),
  forToken: publicProcedure
    .use(badLinks)
    .input(InvitationTokenInput)
    .query(({ ctx, input }) => invitationForToken({ ctx, input })),
  /** A new account from an invitation link; signs in (cookie) like `auth.login`. */
  signUp: publicProcedure
    .use(alone)
    .use(badLinks)
    .input(SignUpInput)
    .mutation(async ({ ctx, input }) => {
      const result = await signUp({ ctx, input });
      ctx.sessionCookie?.set(result.token, result.expiresAt);
      return {
        token: result.token,
        expiresAt: result.expiresAt.toISOString(),
        staff: result.staff,
      };
    }),
});
