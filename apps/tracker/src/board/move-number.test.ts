import { describe, expect, it } from 'vitest';
import { moveNumber, type Board } from './move-number.ts';

const board = (over: Partial<Board>): Board =>
  ({ preparing: [], ready: [], onTheWay: [], cursor: '0', ...over }) as Board;

describe('a number moving on the in-store board', () => {
  it('leaves its column and joins the next: ready newest first, preparing in number order', () => {
    const before = board({ preparing: [7, 3], ready: [1] });
    const after = moveNumber(before, { number: 7, seq: 9, column: 'ready' });
    expect(after.preparing).toEqual([3]);
    expect(after.ready).toEqual([7, 1]);
    expect(after.cursor).toBe('9');
    expect(moveNumber(after, { number: 2, seq: 10, column: 'preparing' }).preparing).toEqual([
      2, 3,
    ]);
  });

  it('leaves the board when it has no column (handed over), and ready keeps 24 at most', () => {
    const full = board({ ready: Array.from({ length: 24 }, (_, i) => i + 1) });
    expect(moveNumber(full, { number: 5, seq: 1, column: null }).ready).not.toContain(5);
    const more = moveNumber(full, { number: 99, seq: 2, column: 'ready' });
    expect(more.ready).toHaveLength(24);
    expect(more.ready[0]).toBe(99);
  });
});
