// A local postcode service with the postcodes.io shape, for the e2e server (POSTCODE_API_URL).
// The demo store stands at 40.7411,-73.9897 and delivers within 5 km.
import { createServer } from 'node:http';

const known = {
  10001: [40.7484, -73.9967], // about 1 km away
  10601: [41.0339, -73.7629], // about 37 km away
};
const port = Number(process.env.PORT ?? 3198);

createServer((req, res) => {
  if (req.url === '/health') return void res.end('ok');
  const code = decodeURIComponent((req.url ?? '').replace('/postcodes/', ''));
  const point = known[code];
  res.setHeader('content-type', 'application/json');
  if (!point) {
    res.writeHead(404).end(JSON.stringify({ status: 404, error: 'Postcode not found' }));
    return;
  }
  res.end(
    JSON.stringify({
      status: 200,
      result: { postcode: code, latitude: point[0], longitude: point[1] },
    }),
  );
}).listen(port, '127.0.0.1');
