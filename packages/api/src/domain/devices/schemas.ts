import { z } from 'zod';
import { inputError } from '../errors.ts';

export const CreatePairingCodeInput = z.object({
  name: z.string().trim().min(1).max(60),
  /** The station the screen serves; omit for an expo / all-stations screen. */
  stationId: z.uuid().optional(),
});
export type CreatePairingCodeInput = z.infer<typeof CreatePairingCodeInput>;

export const PairDeviceInput = z.object({
  // Typed on a wall screen: any case, dashes and spaces ignored.
  code: z
    .string()
    .max(20)
    .transform((c) => c.toUpperCase().replace(/[^A-Z0-9]/g, ''))
    .pipe(z.string().length(8, inputError('pairingCode'))),
});
export type PairDeviceInput = z.infer<typeof PairDeviceInput>;

export const RevokeDeviceInput = z.object({ deviceId: z.uuid() });
export type RevokeDeviceInput = z.infer<typeof RevokeDeviceInput>;
