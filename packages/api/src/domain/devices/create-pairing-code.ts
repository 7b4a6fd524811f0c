import { randomInt } from 'node:crypto';
import { devices } from '@kds/db';
import { requireManager } from '../auth/principal.ts';
import { hashToken } from '../auth/tokens.ts';
import type { DomainContext } from '../context.ts';
import { findStation } from '../orders/internal.ts';
import type { CreatePairingCodeInput } from './schemas.ts';
import { inStore } from '../transaction.ts';

// No 0/O, 1/I/L: the code is read off one screen and typed on another.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const PAIRING_CODE_TTL_MS = 10 * 60_000;

/** A manager creates a one-time code that signs a wall screen in as a device of this store. */
export async function createPairingCode({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: CreatePairingCodeInput;
}): Promise<{ code: string; expiresAt: string }> {
  const manager = requireManager(ctx);
  return inStore(ctx, manager.storeId, async (tx) => {
    if (input.stationId) await findStation(tx.db, manager.storeId, input.stationId);
    const code = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    const expiresAt = new Date(tx.now().getTime() + PAIRING_CODE_TTL_MS);
    await tx.db.insert(devices).values({
      storeId: manager.storeId,
      stationId: input.stationId ?? null,
      name: input.name,
      pairingCodeHash: hashToken(code),
      pairingExpiresAt: expiresAt,
    });
    return { code: `${code.slice(0, 4)}-${code.slice(4)}`, expiresAt: expiresAt.toISOString() };
  });
}
