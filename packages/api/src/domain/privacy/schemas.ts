import { z } from 'zod';
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
  .refine((c) => c.phone || c.email, { message: 'give a phone number or an email' });
export type CustomerInput = z.infer<typeof CustomerInput>;
