import { z } from 'zod';
import { inputError } from '../errors.ts';
import type { EventType } from '../../events/types.ts';

// Every event type, checked against the union: a new event must be listed here to be offered.
const EVENT_TYPE_SET = {
  'order.created': true,
  'order.placed': true,
  'ticket.started': true,
  'ticket.item_bumped': true,
  'ticket.bumped': true,
  'ticket.recalled': true,
  'ticket.prioritized': true,
  'order.canceled': true,
  'order.items_added': true,
  'order.completed': true,
  'order.dispatched': true,
  'order.expired': true,
  'menu.item_86ed': true,
  'menu.item_restored': true,
  'menu.changed': true,
  'store.pacing_changed': true,
} satisfies Record<EventType, true>;

export const WEBHOOK_EVENT_TYPES = Object.keys(EVENT_TYPE_SET) as EventType[];

export const WebhookEndpointCreateInput = z.object({
  url: z.url({ protocol: /^https?$/, error: inputError('httpUrl') }).max(2000),
  /** The event types to deliver, or `*` for every one. */
  eventTypes: z
    .array(z.enum([...(WEBHOOK_EVENT_TYPES as [EventType, ...EventType[]]), '*']))
    .min(1)
    .max(WEBHOOK_EVENT_TYPES.length + 1),
});
export type WebhookEndpointCreateInput = z.infer<typeof WebhookEndpointCreateInput>;

export const WebhookEndpointIdInput = z.object({ endpointId: z.uuid() });
export type WebhookEndpointIdInput = z.infer<typeof WebhookEndpointIdInput>;
