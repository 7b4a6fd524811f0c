import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { setupCodes, stores, type Database, type Transaction } from '@kds/db';
import { count, gt, lt, sql } from 'drizzle-orm';
import { openSession, type LoginResult } from '../auth/open-session.ts';
import { hashPassword } from '../auth/password.ts';
import type { DomainContext } from '../context.ts';
import { ConflictError, UnauthorizedError } from '../errors.ts';
import { acrossStores, acrossStoresOn } from '../transaction.ts';
import { insertOwner, insertStore, newStoreSettings, type StoreServices } from './internal.ts';
import { NewOwnerInput, NewStoreInput, type FirstRunInput } from './schemas.ts';
import { recordAudit } from '../audit.ts';

const CODE_TTL_MS = 24 * 3600_000;
/** Letters and digits nobody misreads from a terminal: no 0/O, 1/I/L. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const hashCode = (code: string) =>
  createHash('sha256')
    .update(code.toUpperCase().replace(/[^A-Z0-9]/g, ''))
    .digest('hex');

/** Does this install still need its first store (and so the first-run page)? */
export async function needsFirstRun(db: Database | Transaction): Promise<boolean> {
  const [row] = await acrossStoresOn(db, 'store-opening', (tx) =>
    tx.select({ n: count() }).from(stores),
  );
  return (row?.n ?? 0) === 0;
}

/**
 * On a server start with no store: a fresh one-time code (12 characters, about 60 bits) for
 * the first-run page, to be printed in the log. Only its hash is kept, for 24 hours; each
 * instance that starts adds its own, and all go when the first store is created.
 */
export async function issueSetupCode(db: Database, now: Date): Promise<string | null> {
  if (!(await needsFirstRun(db))) return null;
  const raw = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  await db.delete(setupCodes).where(lt(setupCodes.expiresAt, now));
  await db
    .insert(setupCodes)
    .values({ codeHash: hashCode(raw), expiresAt: new Date(now.getTime() + CODE_TTL_MS) });
  return raw.match(/.{4}/g)?.join('-') ?? raw;
}

async function codeIsValid(db: Database | Transaction, code: string, now: Date) {
  const wanted = Buffer.from(hashCode(code), 'hex');
  const live = await db
    .select({ codeHash: setupCodes.codeHash })
    .from(setupCodes)
    .where(gt(setupCodes.expiresAt, now));
  return live.some((row) => timingSafeEqual(Buffer.from(row.codeHash, 'hex'), wanted));
}

/**
 * The first-run page: with the code from the server's log, creates the owner's account and the
 * first store, and signs the owner in. Works once: after it, there is a store, and the codes
 * are gone. Two people racing get one store; the other is told to sign in.
 */
export async function createFirstStore({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: FirstRunInput;
}): Promise<LoginResult> {
  if (!(await needsFirstRun(ctx.db))) {
    throw new ConflictError({ key: 'setup.done' });
  }
  if (!(await codeIsValid(ctx.db, input.code, ctx.now()))) {
    throw new UnauthorizedError({ key: 'setup.badCode' });
  }
  const settings = await newStoreSettings(input.store, {
    onlinePayments: ctx.payments !== null,
    geocoder: ctx.geocoder,
  });
  const passwordHash = await hashPassword(input.owner.password);
  const created = await acrossStores(ctx, 'store-opening', (tx) =>
    installFirstStore(tx.db, input.owner, input.store, settings, passwordHash),
  );
  return openSession(ctx, created.account, { storeId: created.store.id, role: 'owner' });
}

/**
 * `kds setup` on the server's machine: whoever can run it can read the database already, so
 * no code is asked for. Same rules as the page: only on an install without a store.
 */
export async function setupFromCommandLine(
  db: Database,
  answers: { owner: unknown; store: unknown },
  services: StoreServices,
): Promise<{ storeId: string; ownerId: string }> {
  const input = {
    owner: NewOwnerInput.parse(answers.owner),
    store: NewStoreInput.parse(answers.store),
  };
  const settings = await newStoreSettings(input.store, services);
  const passwordHash = await hashPassword(input.owner.password);
  const created = await acrossStoresOn(db, 'store-opening', (tx) =>
    installFirstStore(tx, input.owner, input.store, settings, passwordHash),
  );
  return { storeId: created.store.id, ownerId: created.account.id };
}

async function installFirstStore(
  tx: Transaction,
  owner: NewOwnerInput,
  storeInput: NewStoreInput,
  settings: Awaited<ReturnType<typeof newStoreSettings>>,
  passwordHash: string,
) {
  // One first store, however many pages or commands race for it.
  await tx.execute(sql`select pg_advisory_xact_lock(7306712)`);
  if (!(await needsFirstRun(tx))) {
    throw new ConflictError({ key: 'setup.done' });
  }
  const store = await insertStore(tx, storeInput, settings);
  const account = await insertOwner(tx, store.id, { ...owner, passwordHash });
  await tx.delete(setupCodes);
  await recordAudit(
    tx,
    { kind: 'system', storeId: store.id, staffId: account.id },
    {
      action: 'store.created',
      entity: 'store',
      entityId: store.id,
      after: { name: store.name, slug: store.slug, firstRun: true },
    },
  );
  return { store, account };
}
