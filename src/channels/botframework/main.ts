import { loadConfig } from '../../config/app-config.js';
import { createLogger } from '../../config/logger.js';
import { createWarmlineServer } from './create-server.js';

/** `npm start`: the bot on restify, offline unless Azure Bot Service credentials are configured. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const app = createWarmlineServer(config, logger);
  const url = await app.listen();
  logger.info(
    { url, mode: 'offline', auth: config.MicrosoftAppId ? 'bot-framework' : 'none (local)', storage: config.STORAGE.split(':')[0], allowedTenants: config.ALLOWED_TENANTS.length },
    `Warmline is listening: web chat at ${url}/ , Bot Framework messages at ${url}/api/messages`,
  );
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    // Stop taking requests, let the ones in flight finish, then leave; a stuck request gets 10 s.
    setTimeout(() => process.exit(0), 10_000).unref();
    void app.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`warmline: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
