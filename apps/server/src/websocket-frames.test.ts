import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { textFrame, writeFrame } from './websocket-frames.ts';

/** A real server and client; the server runs `write` on its side of the connection. */
async function receive(write: (socket: WebSocket) => void, count: number) {
  const server = new WebSocketServer({ port: 0, perMessageDeflate: false });
  await once(server, 'listening');
  server.on('connection', write);
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const received: { text: string; isBinary: boolean }[] = [];
  client.on('message', (data: Buffer, isBinary) => received.push({ text: String(data), isBinary }));
  await vi.waitFor(() => expect(received).toHaveLength(count), { timeout: 5_000 });
  client.close();
  await new Promise((resolve) => server.close(resolve));
  return received;
}

describe('prebuilt WebSocket frames', () => {
  it('reach a real client whole at every length encoding, as text', async () => {
    // 7-bit, 16-bit and 64-bit lengths, at and around each boundary, with multi-byte text.
    const lengths = [0, 1, 125, 126, 127, 65_535, 65_536, 70_001];
    const texts = lengths.map((n, i) => 'é🍳'.repeat(i) + 'x'.repeat(n));
    const received = await receive((socket) => {
      for (const text of texts) writeFrame(socket, textFrame(Buffer.from(text)));
    }, texts.length);
    expect(received.map((r) => r.isBinary)).toEqual(texts.map(() => false));
    expect(received.map((r) => r.text)).toEqual(texts);
  });

  it('keep their order with messages sent through ws', async () => {
    const received = await receive((socket) => {
      socket.send('1');
      writeFrame(socket, textFrame(Buffer.from('2')));
      socket.send('3');
      writeFrame(socket, textFrame(Buffer.from('4')));
    }, 4);
    expect(received.map((r) => r.text)).toEqual(['1', '2', '3', '4']);
  });
});
