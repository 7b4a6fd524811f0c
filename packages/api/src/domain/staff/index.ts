export { listAudit } from './audit-log.ts';
export {
  changeStaffRole,
  createStaff,
  listStaff,
  resetStaffPassword,
  setStaffActive,
} from './manage-staff.ts';
export {
  AuditListInput,
  ChangeRoleInput,
  CreateStaffInput,
  SetStaffActiveInput,
  StaffIdInput,
} from './schemas.ts';
