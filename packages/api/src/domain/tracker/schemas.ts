import { z } from 'zod';
import { inputError } from '../errors.ts';

const TrackingToken = z.string().regex(/^[A-Za-z0-9_-]{22}$/, inputError('trackingLink'));

export const TrackerGetInput = z.object({ trackingToken: TrackingToken });
export type TrackerGetInput = z.infer<typeof TrackerGetInput>;

export const TrackerOnOrderInput = z.object({
  trackingToken: TrackingToken,
  lastEventId: z
    .string()
    .regex(/^\d{1,15}$/)
    .nullish(),
});
export type TrackerOnOrderInput = z.infer<typeof TrackerOnOrderInput>;
