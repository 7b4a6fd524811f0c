import { z } from 'zod';

export const CustomerInput = z
  .object({
    phone: z
      .string()
      .trim()
      .regex(/^\+[1-9]\d{6,14}$/, 'an international number like +15551234567')
      .optional(),
    email: z
      .email()
      .max(254)
      .transform((e) => e.toLowerCase())
      .optional(),
  })
  .refine((c) => c.phone || c.email, { message: 'give a phone number or an email' });
export type CustomerInput = z.infer<typeof CustomerInput>;
