import { z } from 'zod';
import { inputError } from '../errors.ts';

export const PayOrderInput = z.object({
  trackingToken: z.string().regex(/^[A-Za-z0-9_-]{22}$/, inputError('trackingLink')),
});
export type PayOrderInput = z.infer<typeof PayOrderInput>;
