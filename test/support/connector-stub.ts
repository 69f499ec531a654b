import { createServer, type Server } from 'node:http';

/** A loopback stand-in for the Bot Framework connector: records what the bot posts, answers like the service. */
export interface ConnectorStub {
  url: string;
  posted: { path: string; body: Record<string, unknown> }[];
  close(): Promise<void>;
}

export async function startConnectorStub(): Promise<ConnectorStub> {
  const posted: ConnectorStub['posted'] = [];
  let n = 0;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      if (req.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? '')) {
        posted.push({ path: req.url ?? '', body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {} });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `stub-${++n}` }));
        return;
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}/`, posted, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
