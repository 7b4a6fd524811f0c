// The ceiling: a bare `ws` server that frames each event once and writes the same bytes to
// every socket. POST /publish?count=N&rate=R starts publishing; GET /stats reports event-loop delay.
import { createServer } from 'node:http';
import type { Socket } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Sender, WebSocketServer } from 'ws';
import { sampleEvent } from './payload.ts';

const port = Number(process.env.PORT ?? 3401);
const loop = monitorEventLoopDelay({ resolution: 5 });
const http = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/publish') {
    publish(Number(url.searchParams.get('count')), Number(url.searchParams.get('rate')));
    loop.reset();
    loop.enable();
    return res.end('ok');
  }
  if (url.pathname === '/stats') {
    return res.end(
      JSON.stringify({
        p50: loop.percentile(50) / 1e6,
        p99: loop.percentile(99) / 1e6,
        max: loop.max / 1e6,
        clients: wss.clients.size,
      }),
    );
  }
  res.writeHead(404).end();
});
const wss = new WebSocketServer({ server: http, perMessageDeflate: false });

function publish(count: number, rate: number) {
  let seq = 0;
  const timer = setInterval(() => {
    seq += 1;
    const data = Buffer.from(JSON.stringify(sampleEvent(seq, Date.now())));
    // One frame for everyone: ws's own framing, built once.
    const frame = Sender.frame(data, {
      fin: true,
      opcode: 1,
      mask: false,
      readOnly: true,
      rsv1: false,
    });
    for (const client of wss.clients) {
      const socket = (client as unknown as { _socket: Socket })._socket;
      socket.cork();
      for (const part of frame) socket.write(part);
      socket.uncork();
    }
    if (seq >= count) clearInterval(timer);
  }, 1000 / rate);
}

http.listen(port, () => console.log(`raw ws on ${port}`));
