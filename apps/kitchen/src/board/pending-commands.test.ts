import { describe, expect, test } from 'vitest';
import { flush, type PendingCommand, type SendOutcome } from './pending-commands.ts';
import { ticket } from './fixtures.test-helpers.ts';

const command = (id: string, orderId: string, expectedVersion: number): PendingCommand => ({
  id,
  kind: 'bump',
  orderId,
  number: 1,
  expectedVersion,
  pressedAt: 0,
});

describe('commands pressed while offline', () => {
  test('are sent in the order pressed; a second one on the same ticket follows its new version', async () => {
    const sent: string[] = [];
    const versions = new Map([['a', 1]]);
    const send = async (c: PendingCommand): Promise<SendOutcome> => {
      sent.push(`${c.id}@${c.expectedVersion}`);
      const current = versions.get(c.orderId) ?? 1;
      if (c.expectedVersion !== current)
        return { ok: false, reason: 'refused', message: 'CONFLICT' };
      versions.set(c.orderId, current + 1);
      return { ok: true, ticket: { ...ticket(1), orderId: c.orderId, version: current + 1 } };
    };
    const result = await flush([command('bump', 'a', 1), command('recall', 'a', 1)], send);
    expect(sent).toEqual(['bump@1', 'recall@2']);
    expect(result).toEqual({ left: [], refused: [] });
  });

  test('stop at the first the network does not carry, and keep it and the rest', async () => {
    const queue = [command('1', 'a', 1), command('2', 'b', 1), command('3', 'c', 1)];
    let calls = 0;
    const send = async (): Promise<SendOutcome> =>
      ++calls === 2 ? { ok: false, reason: 'offline' } : { ok: true, ticket: null };
    const result = await flush(queue, send);
    expect(result.left.map((c) => c.id)).toEqual(['2', '3']);
  });

  test('one the server refuses (moved on another screen) is reported and dropped, never retried', async () => {
    const queue = [command('1', 'a', 1), command('2', 'b', 4)];
    const send = async (c: PendingCommand): Promise<SendOutcome> =>
      c.id === '1'
        ? { ok: false, reason: 'refused', message: 'this order changed on another screen' }
        : { ok: true, ticket: null };
    const result = await flush(queue, send);
    expect(result.left).toEqual([]);
    expect(result.refused.map((r) => [r.command.id, r.message])).toEqual([
      ['1', 'this order changed on another screen'],
    ]);
  });
});
