import { devices } from '@kds/db';
import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit.ts';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import type { RevokeDeviceInput } from './schemas.ts';
import { inStore } from '../transaction.ts';

/**
 * Unpairs a screen: its token stops working on its next request or reconnect (an open
 * WebSocket keeps the identity it connected with until then). Audited.
 */
export async function revokeDevice({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: RevokeDeviceInput;
}) {
  const manager = requireManager(ctx);
  return inStore(ctx, manager.storeId, async (tx) => {
    const [device] = await tx.db
      .update(devices)
      .set({ revokedAt: tx.now(), tokenHash: null })
      .where(
        and(
          eq(devices.id, input.deviceId),
          eq(devices.storeId, manager.storeId),
          isNull(devices.revokedAt),
        ),
      )
      .returning();
    if (!device) throw new NotFoundError('screen', { deviceId: input.deviceId });
    await recordAudit(tx.db, manager, {
      action: 'device.revoked',
      entity: 'device',
      entityId: device.id,
      before: { name: device.name, stationId: device.stationId },
    });
    return { id: device.id };
  });
}
