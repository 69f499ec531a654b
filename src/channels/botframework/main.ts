import { join } from 'node:path';
import { loadConfig, signInSettings } from '../../config/app-config.js';
import { EntraSignIn } from '../auth/entra-sign-in.js';
import { loadDotEnv } from '../../config/load-dotenv.js';
import { createLogger } from '../../config/logger.js';
import { loadKnowledgeBase } from '../../engine/knowledge-base.js';
import { createAssistantLlm } from '../../llm/create-assistant-llm.js';
import { openDatabase, type Database } from '../../store/database.js';
import { ReviewEventLog } from '../../store/review-event-log.js';
import { createWarmlineServer } from './create-server.js';

/** `npm start`: the bot on restify, offline unless Azure Bot Service credentials are configured. */
async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const kb = loadKnowledgeBase();
  // Tokens and latency per model call go to the log; the draft never does.
  const llm = createAssistantLlm(process.env, kb, (call) => logger.info({ llmCall: call }, 'llm call'));
  const database: Database | undefined = config.STORAGE === 'database' ? await openDatabase({ url: config.DATABASE_URL, dataDir: join(config.DATA_DIR, 'pglite') }) : undefined;
  // What the second read caught and what agents chose, for the supervisors (no text; batched, off the review's path).
  const events = database ? await ReviewEventLog.open(database.db, { secret: config.EVENTS_SECRET, storeText: config.REVIEW_STORE_TEXT, onError: (message) => logger.warn(message) }) : undefined;
  // Sign-in with Entra ID for the dashboard, when the deployment has its settings (PUBLIC_URL, SESSION_SECRET).
  const signInConfig = signInSettings(config);
  const signIn = signInConfig ? await EntraSignIn.create(signInConfig) : undefined;
  const app = createWarmlineServer(config, logger, kb, llm, database, events, signIn);
  const url = await app.listen();
  logger.info(
    { url, mode: llm ? `llm (${llm.client.mode}, ${llm.client.chatModel})` : 'offline: no OPENAI_API_KEY or AZURE_OPENAI_API_KEY, the rules and lexical retrieval do everything', auth: config.MicrosoftAppId ? 'bot-framework' : 'none (local)', storage: database ? `${database.kind} (${database.where})` : 'memory (lost on restart)', stateTtlDays: config.STATE_TTL_DAYS, allowedTenants: config.ALLOWED_TENANTS.length },
    `Warmline is listening: web chat at ${url}/ , Bot Framework messages at ${url}/api/messages`,
  );
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    // Tell the load balancer first (/readyz: 503), then stop taking requests and let the ones in flight
    // finish; a stuck request gets 10 s.
    app.drain();
    setTimeout(() => process.exit(0), 10_000).unref();
    void app
      .close()
      .then(() => events?.close())
      .then(() => database?.close())
      .then(() => process.exit(0));
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`warmline: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
