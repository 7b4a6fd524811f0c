import type { Inputs } from '../shared/types.ts';

export type Scope = Inputs['apiKey']['create']['scopes'][number];

/** Every scope a key may hold; its words are the catalogue's `integrations.scopes`. */
export const SCOPES: Scope[] = ['menu:read', 'orders:read', 'orders:write', 'webhooks:manage'];

/** The catalogue key of a scope's words ("menu:read" -> "menu_read"). */
export const scopeKey = (scope: string) =>
  `integrations.scopes.${scope.replace(':', '_')}` as 'integrations.scopes.menu_read';
