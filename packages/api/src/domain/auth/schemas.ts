import { LANGUAGES } from '@kds/i18n';
import { z } from 'zod';
import { inputError } from '../errors.ts';

export const LoginInput = z.object({
  email: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase()),
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof LoginInput>;

/** A password someone chooses: long enough to resist guessing, short enough to type on a wall. */
export const NewPassword = z
  .string()
  .min(10, inputError('passwordShort'))
  .max(200, inputError('passwordLong'));

export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: NewPassword,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const SetLanguageInput = z.object({ language: z.enum(LANGUAGES).nullable() });
export type SetLanguageInput = z.infer<typeof SetLanguageInput>;
