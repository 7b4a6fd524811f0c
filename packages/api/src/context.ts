import type { Database } from '@kds/db';
import { resolvePrincipal } from './domain/auth/resolve-principal.ts';
import type { DomainConfig, DomainContext, ReportingReplica } from './domain/context.ts';
import type { PaymentGateway } from './domain/payments/ports.ts';
import type { Geocoder } from './domain/stores/location.ts';
import type { EventBus, EventLog } from './events/event-bus.ts';
import type { LiveGroups } from './events/live-groups.ts';
import type { RateLimits } from './rate-limits.ts';
import type { StreamGuard, StreamLease } from './stream-guard.ts';
import type { HandoffSlot } from './tracked.ts';

/** Long-lived parts shared by every request of one server instance. */
export interface ApiDeps {
  db: Database;
  bus: EventBus;
  log: EventLog;
  config: DomainConfig;
  now: () => Date;
  geocoder: Geocoder | null;
  payments: PaymentGateway | null;
  /** Where reports and exports read when it is fresh enough (DATABASE_REPLICA_URL). */
  replica?: ReportingReplica | null;
  limits: RateLimits;
  streams: StreamGuard;
  /** Shared live tails, for transports that can carry a handoff (the server's WebSocket). */
  liveGroups?: LiveGroups;
}

/** How the transport keeps a staff session in an HTTP-only cookie (absent on WebSockets). */
export interface SessionCookie {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

/**
 * What carried the call: HTTP (no subscriptions: every stream guard lives on the WebSocket),
 * a WebSocket, or the server itself (jobs, tests calling the router directly).
 */
export type Transport = 'http' | 'websocket' | 'internal';

export interface ApiContext extends DomainContext {
  sessionCookie: SessionCookie | null;
  limits: RateLimits;
  /** The caller's address, for limits on clients that are not signed in. */
  ip: string | undefined;
  transport: Transport;
  /** Calls in the HTTP request that carried this one (1 unless batched). */
  batchSize: number;
  streams: StreamGuard;
  /** Set for a subscription once it is admitted: its signal and its hold on the allowance. */
  stream?: StreamLease;
  /** Present when this call's transport takes handoffs up (`HandoffSlot`): shared tails. */
  liveGroups?: LiveGroups;
  handoffs?: HandoffSlot;
}

/** Builds a request's context: the principal comes from the bearer token, cookie or WS params. */
export async function createApiContext(
  deps: ApiDeps,
  request: {
    token: string | undefined;
    sessionCookie?: SessionCookie;
    ip?: string;
    transport: Transport;
    batchSize?: number;
    /** The connection's slot where its encoder takes subscriptions up into shared tails. */
    handoffs?: HandoffSlot;
  },
): Promise<ApiContext> {
  const principal = await resolvePrincipal(deps.db, request.token, deps.now());
  return {
    db: deps.db,
    bus: deps.bus,
    log: deps.log,
    config: deps.config,
    now: deps.now,
    principal,
    geocoder: deps.geocoder,
    payments: deps.payments,
    replica: deps.replica ?? null,
    sessionCookie: request.sessionCookie ?? null,
    limits: deps.limits,
    ip: request.ip,
    transport: request.transport,
    batchSize: request.batchSize ?? 1,
    streams: deps.streams,
    ...(request.handoffs && deps.liveGroups
      ? { liveGroups: deps.liveGroups, handoffs: request.handoffs }
      : {}),
  };
}
