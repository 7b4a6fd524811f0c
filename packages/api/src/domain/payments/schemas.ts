import { z } from 'zod';

export const PayOrderInput = z.object({
  trackingToken: z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'not a tracking link'),
});
export type PayOrderInput = z.infer<typeof PayOrderInput>;
