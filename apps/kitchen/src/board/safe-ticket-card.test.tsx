import { createI18n } from '@kds/i18n';
import { setI18n } from 'react-i18next';
// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { grill, ticket } from './fixtures.test-helpers.ts';
import { SafeTicketCard } from './safe-ticket-card.tsx';
import type { KitchenConfig, Ticket } from './types.ts';

// Components read their words through react-i18next: the English catalogue, as in the apps.
setI18n(createI18n('en'));

const config = {
  store: {
    timezone: 'UTC',
    ticketThresholds: {
      dine_in: { warnMinutes: 8, lateMinutes: 15 },
      pickup: { warnMinutes: 10, lateMinutes: 20 },
      delivery: { warnMinutes: 12, lateMinutes: 25 },
    },
  },
  stations: [grill],
} as unknown as KitchenConfig;

const card = (t: Ticket, position: number) => (
  <SafeTicketCard
    key={t.orderId}
    ticket={t}
    position={position}
    station={grill}
    config={config}
    serverNow={Date.parse('2026-11-20T18:30:00Z')}
    selected={false}
    flashing={false}
    busy={false}
    onSelect={() => {}}
    onBump={() => {}}
    onRush={() => {}}
  />
);

afterEach(cleanup);

describe('a ticket the screen cannot draw', () => {
  test('shows a placeholder with its number; the tickets around it stay', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    // An event from a newer server, say, with items the screen does not know how to read.
    const broken = { ...ticket(12), items: null } as unknown as Ticket;
    render(
      <>
        {card(ticket(11), 1)}
        {card(broken, 2)}
        {card(ticket(13), 3)}
      </>,
    );
    const placeholder = screen.getByRole('article', { name: 'Order 12' });
    expect(placeholder.textContent).toContain('cannot be shown here');
    expect(screen.getByRole('article', { name: 'Order 11' }).textContent).toContain('Burger');
    expect(screen.getByRole('article', { name: 'Order 13' }).textContent).toContain('Burger');
  });
});
