import { z } from 'zod';
import { inputError } from '../errors.ts';

const Fulfilments = z
  .array(z.enum(['dine_in', 'pickup', 'delivery']))
  .min(1, inputError('orderKinds'))
  .max(3);

/** One change to the kitchen's pacing, from the expo screen or the admin console. */
export const PacingChangeInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('pause'),
    fulfilments: Fulfilments,
    reason: z.string().trim().min(1, inputError('sayWhyToGuests')).max(120),
    /** Ordering resumes by itself after this many minutes. */
    minutes: z
      .number()
      .int()
      .min(1)
      .max(12 * 60),
  }),
  z.object({ kind: z.literal('resume'), fulfilments: Fulfilments }),
  z.object({ kind: z.literal('quote'), extraMinutes: z.number().int().min(0).max(120) }),
  z.object({
    kind: z.literal('throttle'),
    enabled: z.boolean(),
    asapPerWindow: z.number().int().min(1).max(500),
  }),
]);
export type PacingChangeInput = z.infer<typeof PacingChangeInput>;
