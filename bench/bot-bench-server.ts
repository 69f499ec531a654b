import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActivityHandler } from 'botbuilder';
import restify from 'restify';
import { createAdapter } from '../src/channels/botframework/create-adapter.js';
import { createWarmlineServer } from '../src/channels/botframework/create-server.js';
import { loadConfig } from '../src/config/app-config.js';
import { createLogger } from '../src/config/logger.js';
import { openDatabase } from '../src/store/database.js';
import { ReviewEventLog } from '../src/store/review-event-log.js';

/**
 * One server for the bot benchmark, in its own process so the load generator does not share its core:
 * `warmline` (the real bot) or `echo` (a bare ActivityHandler on the same CloudAdapter and restify set-up).
 * Also starts a loopback connector stub that answers the bot's replies in normal delivery.
 */
const mode = process.argv[2];
const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', STORAGE: 'memory' });
const logger = createLogger('silent');

const stub = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"id":"1"}');
  });
});
stub.listen(0, '127.0.0.1', () => {
  const stubUrl = `http://127.0.0.1:${(stub.address() as { port: number }).port}/`;
  if (mode === 'echo') {
    const adapter = createAdapter(config, logger);
    const bot = new ActivityHandler();
    bot.onMessage(async (context, next) => {
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
      await next();
    });
    const server = restify.createServer({ name: 'echo' });
    server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));
    server.post('/api/messages', async (req, res) => {
      await adapter.process(req, res, (context) => bot.run(context));
    });
    server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}`, stubUrl })}\n`));
  } else {
    // `warmline` keeps state in memory; `warmline-pglite` and `warmline-postgres` in the database a deployment uses.
    const database =
      mode === 'warmline-pglite' || mode === 'warmline-pglite-events'
        ? openDatabase({ dataDir: mkdtempSync(join(tmpdir(), 'warmline-bench-')) })
        : mode === 'warmline-postgres'
          ? openDatabase({ url: process.env.DATABASE_URL ?? '', dataDir: '' })
          : Promise.resolve(undefined);
    void database.then(async (db) => {
      // With events on, every review also queues an event, written in batches off the review's path (issue 10).
      const events = db && mode === 'warmline-pglite-events' ? await ReviewEventLog.open(db.db) : undefined;
      const app = createWarmlineServer(db ? { ...config, STORAGE: 'database' } : config, logger, undefined, undefined, db, events);
      const url = await app.listen();
      process.stdout.write(`${JSON.stringify({ url, stubUrl })}\n`);
    });
  }
});

// A clean exit on SIGTERM lets `node --cpu-prof` write its profile when the benchmark stops this server.
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
