import type { Ticket } from './types.ts';

/**
 * Bumps and recalls pressed while the screen has no connection: kept on the device (they
 * survive a reload), shown on their ticket as pending, and sent in the order they were pressed
 * once the screen is back. Each carries the ticket's version when it was pressed: the server
 * refuses it (CONFLICT) if someone else moved the ticket meanwhile, so a command is never
 * applied twice nor on top of a change it did not see; the screen then says so on the ticket.
 */
export interface PendingCommand {
  id: string;
  kind: 'bump' | 'recall' | 'bumpItem';
  orderId: string;
  /** `bumpItem`: the item tapped. */
  itemId?: string;
  number: number;
  expectedVersion: number;
  stationId?: string;
  force?: boolean;
  pressedAt: number;
}

export type SendOutcome =
  | { ok: true; ticket: Ticket | null }
  | { ok: false; reason: 'offline' }
  | { ok: false; reason: 'refused'; message: string };

const KEY = 'kds.kitchen.pending';

export const pendingStore = {
  read(): PendingCommand[] {
    try {
      const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
      return Array.isArray(parsed) ? (parsed as PendingCommand[]) : [];
    } catch {
      return [];
    }
  },
  write(commands: PendingCommand[]) {
    if (commands.length === 0) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, JSON.stringify(commands));
  },
};

/**
 * Sends the queue in order. Stops at the first command the network does not carry (the rest
 * wait for the next try); a command the server refuses is dropped and reported. A success
 * moves the ticket to a new version: later commands for the same ticket that were pressed on
 * top of the old one follow it, since this screen pressed them in that order.
 */
export async function flush(
  queue: PendingCommand[],
  send: (command: PendingCommand) => Promise<SendOutcome>,
): Promise<{ left: PendingCommand[]; refused: { command: PendingCommand; message: string }[] }> {
  let left = queue.slice();
  const refused: { command: PendingCommand; message: string }[] = [];
  while (left.length > 0) {
    const [command, ...rest] = left as [PendingCommand, ...PendingCommand[]];
    const outcome = await send(command);
    if (!outcome.ok && outcome.reason === 'offline') break;
    left = rest;
    if (!outcome.ok) {
      refused.push({ command, message: outcome.message });
      continue;
    }
    const next = outcome.ticket?.version;
    if (next !== undefined) {
      left = left.map((c) =>
        c.orderId === command.orderId && c.expectedVersion === command.expectedVersion
          ? { ...c, expectedVersion: next }
          : c,
      );
    }
  }
  return { left, refused };
}

/** No answer from the server at all (as opposed to an answer that says no). */
export const isNetworkError = (error: unknown) =>
  !navigator.onLine || (error as { data?: unknown } | null)?.data === undefined;
