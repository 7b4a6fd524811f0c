import WebSocket from 'ws';

/**
 * A kitchen screen speaking tRPC's WebSocket protocol by hand, for tests that need what the
 * real client hides: to stop answering pings, to stop reading, to see the close code. Resolves
 * once the socket is open and the subscription has been sent.
 */
export async function rawKitchenSocket(url: string, token: string, input: object = {}) {
  const socket = new WebSocket(`ws://${url}/trpc?connectionParams=1`);
  const messages: string[] = [];
  socket.on('message', (data) => messages.push(String(data)));
  socket.on('error', () => {});
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  await new Promise((resolve) => socket.once('open', resolve));
  socket.send(JSON.stringify({ method: 'connectionParams', data: { token } }));
  socket.send(
    JSON.stringify({ id: 1, method: 'subscription', params: { path: 'kitchen.onEvent', input } }),
  );
  return {
    socket,
    messages,
    closed,
    /** Stops reading: what the server sends piles up in the kernel, then in the server. */
    stopReading: () => (socket as unknown as { _socket: { pause(): void } })._socket.pause(),
  };
}
