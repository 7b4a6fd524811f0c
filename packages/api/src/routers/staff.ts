import {
  AuditListInput,
  changeStaffRole,
  ChangeRoleInput,
  createStaff,
  CreateStaffInput,
  listAudit,
  listStaff,
  resetStaffPassword,
  setStaffActive,
  SetStaffActiveInput,
  StaffIdInput,
} from '../domain/staff/index.ts';
import { managerProcedure, router } from '../trpc.ts';

export const staffRouter = router({
  list: managerProcedure.query(({ ctx }) => listStaff({ ctx })),
  create: managerProcedure
    .input(CreateStaffInput)
    .mutation(({ ctx, input }) => createStaff({ ctx, input })),
  resetPassword: managerProcedure
    .input(StaffIdInput)
    .mutation(({ ctx, input }) => resetStaffPassword({ ctx, input })),
  setActive: managerProcedure
    .input(SetStaffActiveInput)
    .mutation(({ ctx, input }) => setStaffActive({ ctx, input })),
  changeRole: managerProcedure
    .input(ChangeRoleInput)
    .mutation(({ ctx, input }) => changeStaffRole({ ctx, input })),
  audit: managerProcedure
    .input(AuditListInput)
    .query(({ ctx, input }) => listAudit({ ctx, input })),
});
