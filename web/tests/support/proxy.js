// A switchable HTTP proxy in front of a test server: stop() makes the service unreachable
// (connections refused, as when mahdar-searchd is down), start() brings it back on the same
// port — which a restarted mahdar-searchd on port 0 could not promise.

import { createServer, request } from 'node:http';

export async function start_proxy(target) {
  const to = new URL(target);
  const sockets = new Set();
  const server = createServer((req, res) => {
    const upstream = request({ host: to.hostname, port: to.port, path: req.url, method: req.method,
      headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const listen = (port) => new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  await listen(0);
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    /** Refuses connections until start(). */
    stop: () => new Promise((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    }),
    start: () => listen(port),
  };
}
