import {
  createPairingCode,
  CreatePairingCodeInput,
  pairDevice,
  PairDeviceInput,
} from '../domain/devices/index.ts';
import { managerProcedure, publicProcedure, router } from '../trpc.ts';

export const deviceRouter = router({
  createPairingCode: managerProcedure
    .input(CreatePairingCodeInput)
    .mutation(({ ctx, input }) => createPairingCode({ ctx, input })),
  pair: publicProcedure
    .input(PairDeviceInput)
    .mutation(({ ctx, input }) => pairDevice({ ctx, input })),
});
