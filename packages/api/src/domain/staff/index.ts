export { listAudit } from './audit-log.ts';
export { changeStaffRole } from './change-staff-role.ts';
export { listStaff } from './list-staff.ts';
export { removeStaff } from './remove-staff.ts';
export { resetStaffPassword } from './reset-staff-password.ts';
export { setStaffActive } from './set-staff-active.ts';
export { AuditListInput, ChangeRoleInput, SetStaffActiveInput, StaffIdInput } from './schemas.ts';
