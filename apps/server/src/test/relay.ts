import { createServer, Socket } from 'node:net';

/**
 * A TCP relay in front of a server whose open connections can be black-holed: their bytes stop
 * both ways but nothing is closed, like a cable pulled somewhere in between. Connections made
 * afterwards pass, as they would once a screen's network finds another way. Used by the fault
 * suite and the dead-link e2e test.
 */
export async function blackHoleRelay(targetPort: number) {
  const holed = new WeakSet<Socket>();
  const open = new Set<Socket>();
  const serverClosedAt: number[] = [];
  const server = createServer((down) => {
    const up = new Socket();
    up.connect(targetPort, '127.0.0.1');
    open.add(down);
    down.on('data', (chunk) => void (!holed.has(down) && up.write(chunk)));
    up.on('data', (chunk) => void (!holed.has(down) && down.write(chunk)));
    up.on('close', () => {
      // The server giving up on a black-holed connection: its dead-link detection at work.
      if (holed.has(down)) serverClosedAt.push(Date.now());
      else down.destroy();
      open.delete(down);
    });
    down.on('close', () => {
      if (!holed.has(down)) up.destroy();
      open.delete(down);
    });
    up.on('error', () => {});
    down.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('relay has no port');
  return {
    /** host:port of the relay. */
    url: `127.0.0.1:${address.port}`,
    blackHoleOpenConnections: () => open.forEach((socket) => holed.add(socket)),
    /** When the server closed connections that had been black-holed. */
    serverClosedAt,
    close() {
      for (const socket of open) socket.destroy();
      server.close();
    },
  };
}
