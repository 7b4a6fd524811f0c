import { z } from 'zod';
import { inputError } from '../errors.ts';
import { TypedPhone } from '../phone-input.ts';

export const CustomerInput = z
  .object({
    phone: TypedPhone.optional(),
    email: z
      .email()
      .max(254)
      .transform((e) => e.toLowerCase())
      .optional(),
  })
  .refine((c) => c.phone || c.email, { message: inputError('phoneOrEmail') });
export type CustomerInput = z.infer<typeof CustomerInput>;
