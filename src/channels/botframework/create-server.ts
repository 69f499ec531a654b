import { ConversationState, MemoryStorage, UserState, type Storage } from 'botbuilder';
import restify from 'restify';
import { Assistant, type AssistantLlm } from '../../assistant/assistant.js';
import { APP_VERSION, type AppConfig } from '../../config/app-config.js';
import type { Logger } from '../../config/logger.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../../engine/knowledge-base.js';
import { ApiKeyTable } from '../../store/api-key-table.js';
import { EntraApiTokens, entraApiSettings } from '../auth/entra-api-token.js';
import { ApiKeyStore, DatabaseApiKeys } from '../http-api/api-keys.js';
import { asApiProblem, registerHttpApi } from '../http-api/register-http-api.js';
import { RateLimiter } from '../rate-limit.js';
import { checkActivityRequest } from './activity-guard.js';
import { createAdapter } from './create-adapter.js';
import { BotStateTable } from '../../store/bot-state-table.js';
import type { Database } from '../../store/database.js';
import type { ReviewEventLog } from '../../store/review-event-log.js';
import { DailyLlmBudget } from '../../store/llm-usage.js';
import { KnowledgeTable } from '../../store/knowledge-table.js';
import { startKnowledgeSync, type KnowledgeSync } from '../knowledge-sync.js';
import { DatabaseStorage } from './database-storage.js';
import { registerWebChat } from './web-chat/register-web-chat.js';
import { registerDashboard } from '../dashboard/register-dashboard.js';
import type { EntraSignIn } from '../auth/entra-sign-in.js';
import { WarmlineBot } from './warmline-bot.js';

export interface WarmlineServer {
  server: restify.Server;
  bot: WarmlineBot;
  /** Listens on config.PORT (0 picks a free port); resolves with the base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
  /** /readyz answers 503 from now on, so a load balancer stops sending new traffic before close(). */
  drain(): void;
}

/** How often expired state is swept (and once at start): hourly keeps the table near its bound at no cost. */
const EXPIRY_SWEEP_MS = 3_600_000;

function storageFrom(config: AppConfig, database: Database | undefined): { storage: Storage; table?: BotStateTable } {
  if (config.STORAGE === 'memory') return { storage: new MemoryStorage() };
  if (!database) throw new Error('STORAGE=database needs an open database (openDatabase) or STORAGE=memory');
  const table = new BotStateTable(database.db);
  return { storage: new DatabaseStorage(table), table };
}

/** Composes the bot: config → knowledge base → adapter (+ onTurnError) → storage and state → bot → restify routes. */
export function createWarmlineServer(config: AppConfig, logger: Logger, kb: KnowledgeBase = loadKnowledgeBase(), llm?: AssistantLlm, database?: Database, events?: ReviewEventLog, signIn?: EntraSignIn): WarmlineServer {
  // In LLM mode every model call counts against the caller's and the tenant's budget for the day.
  const llmBudget = llm ? new DailyLlmBudget({ perUser: config.LLM_CALLS_PER_USER_PER_DAY, perTenant: config.LLM_CALLS_PER_TENANT_PER_DAY }, database?.db) : undefined;
  const assistant = new Assistant({ kb, maxDraft: config.MAX_DRAFT_CHARS, registers: config.REPLY_REGISTER, ...(llm ? { llm } : {}), ...(llmBudget ? { llmBudget } : {}), ...(events ? { events, reports: events } : {}), ...(config.MicrosoftAppId ? { supervisors: config.SUPERVISORS } : {}) });
  const { storage, table } = storageFrom(config, database);
  const sweep = () => {
    llmBudget?.sweep().catch(() => undefined);
    events
      ?.expire(config.REVIEW_RETENTION_DAYS, config.REVIEW_TEXT_RETENTION_DAYS)
      .then((n) => n.events + n.texts > 0 && logger.info({ expired: n.events, expiredTexts: n.texts, retentionDays: config.REVIEW_RETENTION_DAYS, textRetentionDays: config.REVIEW_TEXT_RETENTION_DAYS }, 'expired old review events'))
      .catch(() => undefined);
    table
      ?.expire(config.STATE_TTL_DAYS)
      .then((n) => n > 0 && logger.info({ expired: n, idleDays: config.STATE_TTL_DAYS }, 'expired idle bot state'))
      .catch((error: unknown) => logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'state expiry failed; will retry'));
  };
  const sweeper = table || llmBudget || events ? setInterval(sweep, EXPIRY_SWEEP_MS).unref() : undefined;
  const bot = new WarmlineBot({
    appId: config.MicrosoftAppId,
    assistant,
    conversationState: new ConversationState(storage),
    userState: new UserState(storage),
    logger,
    allowedTenants: config.ALLOWED_TENANTS,
    ...(events ? { teamNames: events } : {}),
  });
  const adapter = createAdapter(config, logger);

  const server = restify.createServer({
    name: 'warmline',
    handleUncaughtExceptions: false,
    // RFC 9457 problem details are JSON too.
    formatters: { 'application/problem+json': (_req, _res, body) => JSON.stringify(body) },
  });
  server.use(restify.plugins.queryParser());
  // Bot Framework activities are small; a generous cap still refuses abuse early. Drafts over
  // MAX_DRAFT_CHARS get a clear message from the assistant, not a 413.
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    const authorization = req.headers.authorization;
    const check = checkActivityRequest(req.body, typeof authorization === 'string' ? authorization : undefined, config);
    if (!check.ok) {
      logger.warn({ status: check.status, path: '/api/messages' }, check.status === 401 ? 'activity refused: no valid Bot Framework token' : 'activity refused: malformed');
      res.status(check.status);
      res.json({ error: check.error });
      return;
    }
    // What the adapter answers on a failure is never passed on: its messages name internal URLs and errors.
    let code = 200;
    const overrides: Record<string, unknown> = {
      status: (c: number) => {
        code = c;
        return res.status(c >= 500 && authorization ? 401 : c);
      },
      send: (body?: unknown) => {
        if (code === 401 || (code >= 500 && authorization)) return res.send({ error: 'Unauthorized.' });
        if (code >= 500) return res.send({ error: 'Internal error.' });
        return res.send(body);
      },
    };
    // A proxy, so every other method runs on the real response object.
    const guarded = new Proxy(res, {
      get: (target, prop, receiver) => {
        if (typeof prop === 'string' && prop in overrides) return overrides[prop];
        const value = Reflect.get(target, prop, receiver) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    await adapter.process(req, guarded, (context) => bot.run(context));
  });

  // Ready to take traffic: the knowledge base is loaded, the database answers, and the server is not draining.
  let draining = false;
  let sync: KnowledgeSync | undefined;
  // restify wants nothing back from an async handler: each branch answers and returns undefined.
  server.get('/readyz', async (_req, res) => {
    if (draining) {
      res.send(503, { status: 'draining' });
    } else if (database && !(await database.ping())) {
      res.send(503, { status: 'database unreachable', database: database.kind });
    } else {
      res.json({ status: 'ready', guidelines: assistant.kb.guidelines.length, knowledgeVersion: sync?.current.version ?? 'local', ...(database ? { database: database.kind } : { storage: 'memory' }) });
    }
  });

  server.get('/healthz', (_req, res, next) => {
    res.json({ status: 'ok', engine: 'loaded', guidelines: assistant.kb.guidelines.length, knowledgeVersion: sync?.current.version ?? 'local', mode: assistant.mode, ...(llm ? { llm: { provider: llm.client.mode, model: llm.client.chatModel } } : {}), version: APP_VERSION });
    return next();
  });

  const entraApi = entraApiSettings(config);
  registerHttpApi(server, { knowledge: () => assistant.kb, keys: config.DATABASE_URL && database ? new DatabaseApiKeys(new ApiKeyTable(database.db)) : new ApiKeyStore(config.API_KEYS_FILE), limiter: new RateLimiter(config.API_RATE_PER_MINUTE, config.API_RATE_BURST), maxDraft: config.MAX_DRAFT_CHARS, logger, version: APP_VERSION, registers: config.REPLY_REGISTER, ...(events ? { events } : {}), ...(entraApi ? { entra: new EntraApiTokens(entraApi) } : {}) });
  // The supervisors' dashboard needs the review events (a database); offline it is for this machine only.
  signIn?.register(server);
  if (events) {
    const dashboard = registerDashboard(server, { config, events, ...(signIn ? { signIn } : {}) });
    logger.info(
      dashboard === 'signed-in'
        ? 'dashboard at /dashboard (sign-in with Entra ID; supervisors only)'
        : dashboard === 'localhost'
          ? 'dashboard at /dashboard (this machine only)'
          : 'dashboard off: with an app id it needs sign-in (SIGN_IN_* settings); "team report" works in Teams',
    );
  }
  const webChat = registerWebChat(server, { bot, config, logger, ...(database ? { database } : {}), ...(signIn ? { signIn } : {}) });
  if (webChat === 'offline-open' && config.MicrosoftAppId) logger.warn('WEB_CHAT=public: the built-in web chat and its offline Direct Line are open to anyone who can reach this server');
  if (webChat === 'off' && config.WEB_CHAT !== 'off') logger.info('web chat is off: with an app id it needs sign-in (PUBLIC_URL, SESSION_SECRET), DIRECT_LINE_SECRET (Azure Direct Line), or WEB_CHAT=public to open it');
  if (webChat === 'offline-signed-in') logger.info('web chat at / behind sign-in with Entra ID (allowed tenants only)');

  server.on('restifyError', (req, res, err, callback) => {
    asApiProblem(req, res, err);
    logger.warn({ status: (err as { statusCode?: number }).statusCode, path: req.path() }, 'request failed');
    return callback();
  });

  return {
    server,
    bot,
    listen: async () => {
      // With PostgreSQL (several instances), the knowledge base in use is the newest published one, checked every
      // KB_RELOAD_SECONDS. Embedded PGlite serves one process, which uses its own build.
      if (database?.kind === 'postgres' && !sync) {
        sync = await startKnowledgeSync({ table: new KnowledgeTable(database.db), local: kb, intervalMs: config.KB_RELOAD_SECONDS * 1000, logger, onChange: (next) => assistant.useKnowledgeBase(next) });
      }
      return new Promise<string>((resolve) => {
        sweep();
        server.listen(config.PORT, config.HOST, () => {
          const address = server.address();
          resolve(`http://127.0.0.1:${address.port}`);
        });
      });
    },
    close: () =>
      new Promise((resolve) => {
        draining = true;
        clearInterval(sweeper);
        sync?.stop();
        server.close(() => resolve());
      }),
    drain: () => {
      draining = true;
    },
  };
}
