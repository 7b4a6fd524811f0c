import { devices } from '@kds/db';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { DEVICE_TOKEN_PREFIX, hashToken, newToken } from '../auth/tokens.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import type { PairDeviceInput } from './schemas.ts';
import { acrossStores } from '../transaction.ts';

/** Trades a valid, unused pairing code for the screen's own long-lived device token. */
export async function pairDevice({ ctx, input }: { ctx: DomainContext; input: PairDeviceInput }) {
  const { token, tokenHash } = newToken(DEVICE_TOKEN_PREFIX);
  const now = ctx.now();
  // One statement: a code can be used once, even by two screens typing it at the same moment.
  // A code names no store: found across stores.
  const [device] = await acrossStores(ctx, 'screen-pairing', ({ db }) =>
    db
      .update(devices)
      .set({ tokenHash, pairedAt: now, lastSeenAt: now, pairingCodeHash: null })
      .where(
        and(
          eq(devices.pairingCodeHash, hashToken(input.code)),
          gt(devices.pairingExpiresAt, now),
          isNull(devices.pairedAt),
          isNull(devices.revokedAt),
        ),
      )
      .returning(),
  );
  if (!device) throw new NotFoundError('pairingCode');
  return {
    token,
    device: {
      id: device.id,
      name: device.name,
      storeId: device.storeId,
      stationId: device.stationId,
    },
  };
}
