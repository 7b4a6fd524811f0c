import {
  createPairingCode,
  CreatePairingCodeInput,
  listScreenHealth,
  pairDevice,
  PairDeviceInput,
  revokeDevice,
  RevokeDeviceInput,
} from '../domain/devices/index.ts';
import { alone, limitFailures, managerProcedure, publicProcedure, router } from '../trpc.ts';

export const deviceRouter = router({
  createPairingCode: managerProcedure
    .input(CreatePairingCodeInput)
    .mutation(({ ctx, input }) => createPairingCode({ ctx, input })),
  /** Every paired screen: live, offline or behind, and since when. */
  health: managerProcedure.query(({ ctx }) => listScreenHealth({ ctx })),
  revoke: managerProcedure
    .input(RevokeDeviceInput)
    .mutation(({ ctx, input }) => revokeDevice({ ctx, input })),
  pair: publicProcedure
    .use(alone)
    .use(limitFailures((limits) => limits.pair, 'address', 'limits.pairingCodes'))
    .input(PairDeviceInput)
    .mutation(({ ctx, input }) => pairDevice({ ctx, input })),
});
