import type { AppRouter, ResyncMarker, StoredEvent, Ticket, TicketItem } from '@kds/api/client';
import type { inferRouterOutputs } from '@trpc/server';

type Outputs = inferRouterOutputs<AppRouter>;
export type Board = Outputs['kitchen']['tickets'];
export type KitchenConfig = Outputs['kitchen']['config'];
export type Station = KitchenConfig['stations'][number];
export type { ResyncMarker, StoredEvent, Ticket, TicketItem };
