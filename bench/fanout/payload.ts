/** The event every server sends: the shape and size of a real `order.placed` (about 1 KB). */
export function sampleEvent(seq: number, at: number) {
  return {
    seq,
    storeId: '6b1f5a44-1a7e-4c5e-9d55-3f1b2f0c9a10',
    orderId: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    stationId: null,
    actor: { kind: 'customer', id: null },
    at: new Date(at).toISOString(),
    sentAt: at,
    type: 'order.placed',
    payload: {
      ticket: {
        orderId: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
        number: seq,
        status: 'PLACED',
        paymentStatus: 'at_counter',
        fulfilment: 'dine_in',
        tableLabel: '7',
        customerName: 'Grace',
        notes: 'Birthday: candle on the shake',
        priority: 0,
        version: 1,
        placedAt: new Date(at).toISOString(),
        startedAt: null,
        readyAt: null,
        fireAt: null,
        firesAt: null,
        items: [1, 2, 3].map((i) => ({
          id: `00000000-0000-4000-9000-${String(seq * 10 + i).padStart(12, '0')}`,
          stationId: '0f8e2b2c-7f41-4c55-a5f5-7e0e0d3b8c21',
          name: ['Classic Burger', 'Fries', 'Milkshake'][i - 1],
          quantity: i,
          modifiers: ['MEDIUM', '+ cheese', 'NO onion'],
          allergens: ['gluten', 'milk'],
          notes: '',
          status: 'queued',
          bumpedAt: null,
        })),
      },
    },
  };
}
