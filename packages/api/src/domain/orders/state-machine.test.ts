import { describe, expect, test } from 'vitest';
import { InvalidTransitionError } from '../errors.ts';
import {
  isOnKitchenScreens,
  nextStatus,
  orderActions,
  orderStatuses,
  RECALL_COMPLETED_WINDOW_MS,
  type OrderAction,
  type OrderStatus,
} from './state-machine.ts';

const now = new Date('2026-11-20T18:00:00Z');
const order = (status: OrderStatus, extra: Partial<Parameters<typeof nextStatus>[0]> = {}) => ({
  status,
  fulfilment: 'pickup' as const,
  completedAt: status === 'COMPLETED' ? new Date(now.getTime() - 60_000) : null,
  ...extra,
});

// The whole lifecycle (ARCHITECTURE.md, state-machine.ts); every pair not listed must be refused.
const allowed: Record<string, OrderStatus> = {
  'PENDING_PAYMENT pay': 'PLACED',
  'PENDING_PAYMENT expire': 'EXPIRED',
  'PLACED start': 'PREPARING',
  'PLACED cancel': 'CANCELED',
  'PREPARING ready': 'READY',
  'PREPARING cancel': 'CANCELED',
  'READY recall': 'PREPARING',
  'READY cancel': 'CANCELED',
  'READY complete': 'COMPLETED',
  'OUT_FOR_DELIVERY complete': 'COMPLETED',
  'COMPLETED recall': 'READY',
};

describe('nextStatus', () => {
  const pairs = orderStatuses.flatMap((s) => orderActions.map((a) => [s, a] as const));

  test.each(pairs)('%s + %s follows the lifecycle table', (status, action: OrderAction) => {
    const expected = allowed[`${status} ${action}`];
    if (expected) {
      expect(nextStatus(order(status), action, now)).toBe(expected);
    } else if (!(status === 'READY' && action === 'dispatch')) {
      expect(() => nextStatus(order(status), action, now)).toThrow(InvalidTransitionError);
    }
  });

  test('dispatches only delivery orders', () => {
    expect(nextStatus(order('READY', { fulfilment: 'delivery' }), 'dispatch', now)).toBe(
      'OUT_FOR_DELIVERY',
    );
    expect(() => nextStatus(order('READY'), 'dispatch', now)).toThrow(InvalidTransitionError);
  });

  test('recalls a completed order only within ten minutes', () => {
    const justInside = new Date(now.getTime() - RECALL_COMPLETED_WINDOW_MS);
    const tooLate = new Date(now.getTime() - RECALL_COMPLETED_WINDOW_MS - 1);
    expect(nextStatus(order('COMPLETED', { completedAt: justInside }), 'recall', now)).toBe(
      'READY',
    );
    expect(() => nextStatus(order('COMPLETED', { completedAt: tooLate }), 'recall', now)).toThrow(
      /up to 10 minutes after completion/,
    );
  });

  test('names the status and the action in the error', () => {
    expect(() => nextStatus(order('CANCELED'), 'start', now)).toThrow(
      'cannot start an order that is canceled',
    );
  });
});

describe('isOnKitchenScreens', () => {
  test('shows paid and pay-at-counter orders that are open', () => {
    expect(isOnKitchenScreens({ status: 'PLACED', paymentStatus: 'at_counter' })).toBe(true);
    expect(isOnKitchenScreens({ status: 'READY', paymentStatus: 'paid' })).toBe(true);
  });

  test('hides unpaid orders and closed ones', () => {
    expect(isOnKitchenScreens({ status: 'PENDING_PAYMENT', paymentStatus: 'unpaid' })).toBe(false);
    expect(isOnKitchenScreens({ status: 'PLACED', paymentStatus: 'unpaid' })).toBe(false);
    expect(isOnKitchenScreens({ status: 'COMPLETED', paymentStatus: 'paid' })).toBe(false);
    expect(isOnKitchenScreens({ status: 'CANCELED', paymentStatus: 'refunded' })).toBe(false);
  });
});
