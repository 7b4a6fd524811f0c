import type { PGlite } from '@electric-sql/pglite';
import { APP_ROLE_NAME } from './schema/tenancy.ts';

/** What Drizzle's PGlite driver calls on its client: statements and transactions. */
export type Statements = Pick<PGlite, 'query' | 'transaction'>;

/** Who a statement runs as: the tables' owner (the session user) or the server's `kds_app`. */
export type SessionRole = 'owner' | 'app';

const TAKE: Record<SessionRole, string> = { owner: 'reset role', app: `set role ${APP_ROLE_NAME}` };

/**
 * The owner's and the server's handles on PGlite's one connection.
 *
 * The connection's role is that of whichever handle spoke last. A statement or transaction of
 * the other handle first takes its role for the session (`set role kds_app`, `reset role`), and a
 * lock keeps anything else from running between that and the statement. A running server
 * speaks as `kds_app` nearly alone (the owner migrates at start and checkpoints for backups), so
 * it pays for its role once, not on every statement.
 */
export function sessionRoles(client: Statements): Record<SessionRole, Statements> {
  let current: SessionRole | undefined;
  let last: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(run: () => Promise<T>): Promise<T> => {
    const result = last.then(run, run);
    last = result.catch(() => undefined);
    return result;
  };
  const take = async (role: SessionRole) => {
    if (current === role) return;
    current = undefined; // unknown until the switch has answered
    await client.query(TAKE[role]);
    current = role;
  };
  const as = (role: SessionRole) => {
    const statements: Statements = {
      query: (text, params, options) =>
        inTurn(async () => {
          await take(role);
          return client.query(text, params, options);
        }),
      transaction: (fn) =>
        inTurn(async () => {
          await take(role);
          return client.transaction(fn);
        }),
    };
    return statements;
  };
  return { owner: as('owner'), app: as('app') };
}
