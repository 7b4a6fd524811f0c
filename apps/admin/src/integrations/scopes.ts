import type { Inputs } from '../shared/types.ts';

export type Scope = Inputs['apiKey']['create']['scopes'][number];

/** Every scope a key may hold, in words a manager chooses by. */
export const SCOPES: { scope: Scope; label: string }[] = [
  { scope: 'menu:read', label: 'Read the menu' },
  { scope: 'orders:read', label: 'Read orders and their status' },
  { scope: 'orders:write', label: 'Place orders' },
  { scope: 'webhooks:manage', label: 'Receive webhooks (add and remove endpoints)' },
];

export const scopeLabel = (scope: string) => SCOPES.find((s) => s.scope === scope)?.label ?? scope;
