import { z } from 'zod';
import { inputError } from '../errors.ts';

const Cents = z.number().int().min(0).max(10_000_000);

export const CreateDiscountInput = z
  .object({
    /** What guests type: letters, digits and dashes; stored upper-case. */
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9-]{2,23}$/, inputError('discountCode')),
    kind: z.enum(['percent', 'amount']),
    /** Percent (1-100) or cents, by kind. */
    value: z.number().int().min(1),
    minOrderCents: Cents.default(0),
    maxUses: z.number().int().min(1).max(1_000_000).optional(),
    perGuestLimit: z.number().int().min(1).max(1_000).optional(),
    validFrom: z.iso.datetime({ offset: true }).optional(),
    validUntil: z.iso.datetime({ offset: true }).optional(),
    /** Only these items; none: the whole order. */
    menuItemIds: z.array(z.uuid()).max(200).default([]),
    note: z.string().trim().max(200).default(''),
  })
  .refine((d) => d.kind !== 'percent' || d.value <= 100, {
    path: ['value'],
    message: inputError('percentMax'),
  })
  .refine((d) => !d.validFrom || !d.validUntil || d.validFrom < d.validUntil, {
    path: ['validUntil'],
    message: inputError('endsBeforeStarts'),
  });
export type CreateDiscountInput = z.infer<typeof CreateDiscountInput>;

export const ChangeDiscountInput = z.object({
  id: z.uuid(),
  /** Pause or resume it; or end it now (it cannot be resumed after that). */
  change: z.enum(['pause', 'resume', 'end']),
});
export type ChangeDiscountInput = z.infer<typeof ChangeDiscountInput>;
