import { printers, stations } from '@kds/db';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit.ts';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { inStore } from '../transaction.ts';
import type { StationPrintingInput } from './schemas.ts';

/** Which of the store's printers a station prints on, and when; no printer means never. */
export async function setStationPrinting({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: StationPrintingInput;
}) {
  const who = requireManager(ctx);
  return inStore(ctx, who.storeId, async (tx) => {
    if (input.printerId) {
      const [printer] = await tx.db
        .select({ id: printers.id })
        .from(printers)
        .where(and(eq(printers.id, input.printerId), eq(printers.storeId, who.storeId)));
      if (!printer) throw new NotFoundError('printer', { printerId: input.printerId });
    }
    const values = {
      printerId: input.printerId,
      printMode: input.printerId ? input.printMode : ('never' as const),
    };
    const [station] = await tx.db
      .update(stations)
      .set(values)
      .where(and(eq(stations.id, input.stationId), eq(stations.storeId, who.storeId)))
      .returning({ id: stations.id });
    if (!station) throw new NotFoundError('station', { stationId: input.stationId });
    await recordAudit(tx.db, who, {
      action: 'station.printing',
      entity: 'station',
      entityId: station.id,
      after: values,
    });
    return values;
  });
}
