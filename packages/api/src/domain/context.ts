import type { ApiScope, Database, Transaction } from '@kds/db';
import type { StaffRole } from './auth/principal.ts';
import type { EventBus, EventLog } from '../events/event-bus.ts';
import type { PaymentGateway } from './payments/ports.ts';
import type { Geocoder } from './stores/location.ts';

export type Principal =
  | {
      kind: 'staff';
      staffId: string;
      storeId: string;
      role: StaffRole;
      sessionId: string;
      /** A manager reset the password: nothing but choosing a new one until it is done. */
      mustChangePassword: boolean;
    }
  | { kind: 'device'; deviceId: string; storeId: string; stationId: string | null }
  /** An integration calling with a store's API key: only the procedures its scopes open. */
  | {
      kind: 'apiKey';
      apiKeyId: string;
      storeId: string;
      scopes: ApiScope[];
      /** When the key was last noted as used, as read with it (spares a write per call). */
      lastUsedAt?: Date | null;
    };

export interface DomainConfig {
  /** How long a staff session lasts. */
  sessionTtlMs: number;
  /** A subscriber further behind than this many events reloads its snapshot instead. */
  maxReplayEvents: number;
  /** Where guests reach this server (payment return URLs, links in messages). */
  publicUrl: string;
  /**
   * Server secret that pickup codes and invitation links are derived and checked with; neither
   * is ever stored (PICKUP_CODE_PEPPER).
   */
  pickupPepper: string;
  /** Messages one guest's phone or address may be sent per channel per day, across stores. */
  messagesPerRecipientPerDay: number;
  /** What this server is connected to: shown in the console, and what production refuses. */
  services: ServiceModes;
  /** The KDS release this server runs (the console's footer). */
  version: string;
}

/** Real providers, or stand-ins that write messages down and simulate checkouts. */
export interface ServiceModes {
  production: boolean;
  /** `off`: no online payment at all (production without Stripe keys and without the opt-in). */
  payments: 'stripe' | 'simulated' | 'off';
  sms: 'twilio' | 'recorded';
  email: 'smtp' | 'recorded';
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
  geocoder: Geocoder | null;
  /** The payment provider (or its simulated stand-in); null: pay at the counter only. */
  payments: PaymentGateway | null;
  /** Where reports and exports may read instead of the primary (DATABASE_REPLICA_URL). */
  replica?: ReportingReplica | null;
}

/** A read replica of the database, and whether it is close enough behind to read from now. */
export interface ReportingReplica {
  db: Database;
  isFresh(): Promise<boolean>;
}

/**
 * A verb's context inside a transaction. `db` is the transaction itself: every query through
 * it, and every helper given this context, stays inside it (and acts for its store).
 */
export interface TxContext extends DomainContext {
  db: Transaction;
  /**
   * The store this transaction acts for (`inStore`): the database shows it that store's rows
   * only. Null in a transaction that has not stated one yet.
   */
  storeId: string | null;
  /** Runs after the outermost transaction commits; never after a rollback. */
  afterCommit(fn: () => void): void;
}

/** Whether `ctx` is already inside a transaction (see `withTransaction`). */
export function inTransaction(ctx: DomainContext | TxContext): ctx is TxContext {
  return 'afterCommit' in ctx;
}

export type { Database, Transaction };
