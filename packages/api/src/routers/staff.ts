import {
  cancelInvitation,
  InvitationIdInput,
  inviteStaff,
  InviteStaffInput,
  listStoreInvitations,
} from '../domain/invitations/index.ts';
import {
  AuditListInput,
  changeStaffRole,
  ChangeRoleInput,
  listAudit,
  listStaff,
  removeStaff,
  resetStaffPassword,
  setStaffActive,
  SetStaffActiveInput,
  StaffIdInput,
} from '../domain/staff/index.ts';
import { limitCalls, managerProcedure, router } from '../trpc.ts';

/** A store's people: its memberships and invitations. Accounts belong to their holders. */
export const staffRouter = router({
  list: managerProcedure.query(({ ctx }) => listStaff({ ctx })),
  /** Invites someone by email; nothing is attached until they accept. */
  create: managerProcedure
    .use(limitCalls((limits) => limits.invite, 'limits.invitations'))
    .input(InviteStaffInput)
    .mutation(({ ctx, input }) => inviteStaff({ ctx, input })),
  invitations: managerProcedure.query(({ ctx }) => listStoreInvitations({ ctx })),
  cancelInvitation: managerProcedure
    .input(InvitationIdInput)
    .mutation(({ ctx, input }) => cancelInvitation({ ctx, input })),
  resetPassword: managerProcedure
    .input(StaffIdInput)
    .mutation(({ ctx, input }) => resetStaffPassword({ ctx, input })),
  /** Suspends (or lets back) someone at this store only. */
  setActive: managerProcedure
    .input(SetStaffActiveInput)
    .mutation(({ ctx, input }) => setStaffActive({ ctx, input })),
  remove: managerProcedure
    .input(StaffIdInput)
    .mutation(({ ctx, input }) => removeStaff({ ctx, input })),
  changeRole: managerProcedure
    .input(ChangeRoleInput)
    .mutation(({ ctx, input }) => changeStaffRole({ ctx, input })),
  audit: managerProcedure
    .input(AuditListInput)
    .query(({ ctx, input }) => listAudit({ ctx, input })),
});
