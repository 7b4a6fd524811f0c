import { z } from 'zod';
import { inputError } from './errors.ts';

/**
 * A phone number as a person types it: as dialled where the store is ("55 1234 5678",
 * "(212) 555-0142") or with + and the country code. The domain turns it into the international
 * form with the store's country (`orders/phone.ts`), or names it as a problem.
 */
export const TypedPhone = z
  .string()
  .trim()
  .min(3, inputError('phone'))
  .max(32)
  .regex(/^\+?[\d\s().\-/]+$/, inputError('phoneCharacters'));
