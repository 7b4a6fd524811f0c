import { describe, expect, test } from 'vitest';
import type { Tracked } from '../shared/types.ts';
import { applyUpdate } from './apply-update.ts';

const order = {
  status: 'PLACED',
  placedAt: '2026-12-02T12:00:00.000Z',
  readyAt: null,
  completedAt: null,
  canceledAt: null,
  pickupCode: null,
} as unknown as Tracked;

describe('applyUpdate', () => {
  test('a streamed status shows at once, stamped with when it happened', () => {
    const ready = applyUpdate(order, {
      type: 'ticket.bumped',
      status: 'READY',
      at: '2026-12-02T12:10:00.000Z',
    });
    expect(ready.status).toBe('READY');
    expect(ready.readyAt).toBe('2026-12-02T12:10:00.000Z');
    expect(ready.placedAt).toBe(order.placedAt);
    expect(ready.pickupCode).toBeNull();
  });

  test('an update that does not move the status leaves the order as it was', () => {
    expect(applyUpdate(order, { type: 'ticket.item_bumped', status: 'PLACED', at: 'x' })).toBe(
      order,
    );
  });
});
