import { z } from 'zod';
import { PageCursor } from '../keyset.ts';

const Role = z.enum(['owner', 'manager', 'kitchen']);

export const StaffIdInput = z.object({ staffId: z.uuid() });
export type StaffIdInput = z.infer<typeof StaffIdInput>;

export const SetStaffActiveInput = z.object({ staffId: z.uuid(), active: z.boolean() });
export type SetStaffActiveInput = z.infer<typeof SetStaffActiveInput>;

export const ChangeRoleInput = z.object({ staffId: z.uuid(), role: Role });
export type ChangeRoleInput = z.infer<typeof ChangeRoleInput>;

export const AuditListInput = z.object({
  entity: z.string().max(40).optional(),
  cursor: PageCursor.optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type AuditListInput = z.infer<typeof AuditListInput>;
