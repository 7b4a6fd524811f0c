import type { Database, Transaction } from '@kds/db';
import type { StaffRole } from './auth/principal.ts';
import type { EventBus, EventLog } from '../events/event-bus.ts';
import type { PaymentGateway } from './payments/ports.ts';
import type { PostcodeLookup } from './stores/location.ts';

export type Principal =
  | { kind: 'staff'; staffId: string; storeId: string; role: StaffRole; sessionId: string }
  | { kind: 'device'; deviceId: string; storeId: string; stationId: string | null };

export interface DomainConfig {
  /** How long a staff session lasts. */
  sessionTtlMs: number;
  /** A subscriber further behind than this many events reloads its snapshot instead. */
  maxReplayEvents: number;
  /** Where guests reach this server (payment return URLs, links in messages). */
  publicUrl: string;
  /** Server secret that pickup codes are derived and checked with; never stored with orders. */
  pickupPepper: string;
}

/** Everything a verb may touch. Built once per request by the transport. */
export interface DomainContext {
  db: Database;
  /** Live delivery on this instance; verbs publish to it after commit. */
  bus: EventBus;
  /** The event log the bus and streams read from. */
  log: EventLog;
  config: DomainConfig;
  now: () => Date;
  principal: Principal | null;
  /** The postcode service, when one is configured; without it there is no delivery. */
  postcodes: PostcodeLookup | null;
  /** The payment provider (or its simulated stand-in); null: pay at the counter only. */
  payments: PaymentGateway | null;
}

export interface TxContext extends DomainContext {
  tx: Transaction;
  /** Runs after the outermost transaction commits; never after a rollback. */
  afterCommit(fn: () => void): void;
}

export type { Database, Transaction };
