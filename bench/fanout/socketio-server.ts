// The peer most KDS projects use: Socket.IO broadcasting the same event to every client.
import { createServer } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Server } from 'socket.io';
import { sampleEvent } from './payload.ts';

const port = Number(process.env.PORT ?? 3402);
const loop = monitorEventLoopDelay({ resolution: 5 });
const http = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/publish') {
    const count = Number(url.searchParams.get('count'));
    const rate = Number(url.searchParams.get('rate'));
    let seq = 0;
    loop.reset();
    loop.enable();
    const timer = setInterval(() => {
      seq += 1;
      io.emit('event', sampleEvent(seq, Date.now()));
      if (seq >= count) clearInterval(timer);
    }, 1000 / rate);
    return res.end('ok');
  }
  if (url.pathname === '/stats') {
    return res.end(
      JSON.stringify({
        p50: loop.percentile(50) / 1e6,
        p99: loop.percentile(99) / 1e6,
        max: loop.max / 1e6,
        clients: io.engine.clientsCount,
      }),
    );
  }
  if (!url.pathname.startsWith('/socket.io')) res.writeHead(404).end();
});
const io = new Server(http, {
  transports: ['websocket'],
  perMessageDeflate: false,
  serveClient: false,
});
http.listen(port, () => console.log(`socket.io on ${port}`));
