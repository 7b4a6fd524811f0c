import { describe, expect, it } from 'vitest';
import { eventFrameEncoder } from './event-frames.ts';

const event = { seq: 7, type: 'order.placed', at: '2026-11-22T12:00:00.000Z', payload: { n: 1 } };
const frame = (subscription: number | string, value: object = event) => ({
  id: subscription,
  jsonrpc: '2.0',
  result: { type: 'data', id: '7', data: { id: '7', data: value } },
});

describe('eventFrameEncoder', () => {
  it('writes exactly what JSON.stringify would, for events and everything else', () => {
    const encoder = eventFrameEncoder();
    const messages: unknown[] = [
      frame(1),
      frame('a"b'),
      { id: 2, result: { type: 'data', id: '7', data: { id: '7', data: event } } },
      {
        id: 3,
        jsonrpc: undefined,
        result: { type: 'data', id: '7', data: { id: '7', data: event } },
      },
      { id: 4, result: { type: 'started' } },
      { id: 5, result: { type: 'data', data: { plain: true } } },
      { id: 6, result: { type: 'data', id: '8', data: { id: '7', data: event } } },
      { id: 7, error: { message: 'nope', code: -32600 } },
      { id: 8, result: { type: 'data', id: '7', data: { id: '7', data: [1, 2] } } },
      'PONG',
    ];
    for (const message of messages) {
      expect(JSON.parse(encoder.encode(message) as string)).toEqual(
        JSON.parse(JSON.stringify(message)),
      );
    }
  });

  it('stringifies an event once however many subscribers it is sent to', () => {
    const encoder = eventFrameEncoder();
    let stringified = 0;
    const shared = { ...event, toJSON: () => (stringified++, event) };
    const frames = [1, 2, 3, 4].map((subscription) => encoder.encode(frame(subscription, shared)));
    expect(stringified).toBe(1);
    expect(frames.map((f) => JSON.parse(f as string).id)).toEqual([1, 2, 3, 4]);
    expect(JSON.parse(frames[3] as string).result.data.data).toEqual(event);
  });
});
