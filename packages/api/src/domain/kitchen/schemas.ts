import { z } from 'zod';

export const KitchenTicketsInput = z.object({ stationId: z.uuid().optional() }).default({});
export type KitchenTicketsInput = z.infer<typeof KitchenTicketsInput>;

export const KitchenOnEventInput = z
  .object({
    stationId: z.uuid().optional(),
    /** The cursor: a seq from `kitchen.tickets` or the last event seen. tRPC resends it on reconnect. */
    lastEventId: z
      .string()
      .regex(/^\d{1,15}$/)
      .nullish(),
  })
  .default({});
export type KitchenOnEventInput = z.infer<typeof KitchenOnEventInput>;

export const AckEventsInput = z.object({ seq: z.number().int().min(0) });
export type AckEventsInput = z.infer<typeof AckEventsInput>;
