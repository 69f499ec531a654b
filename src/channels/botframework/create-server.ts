import { ConversationState, MemoryStorage, UserState, type Storage } from 'botbuilder';
import restify from 'restify';
import { Assistant, type AssistantLlm } from '../../assistant/assistant.js';
import { APP_VERSION, type AppConfig } from '../../config/app-config.js';
import type { Logger } from '../../config/logger.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../../engine/knowledge-base.js';
import { createAdapter } from './create-adapter.js';
import { FileStorage } from './file-storage.js';
import { registerWebChat } from './web-chat/register-web-chat.js';
import { WarmlineBot } from './warmline-bot.js';

export interface WarmlineServer {
  server: restify.Server;
  bot: WarmlineBot;
  /** Listens on config.PORT (0 picks a free port); resolves with the base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

function storageFrom(setting: string): Storage {
  return setting.startsWith('file:') ? new FileStorage(setting.slice('file:'.length)) : new MemoryStorage();
}

/** Composes the bot: config → knowledge base → adapter (+ onTurnError) → storage and state → bot → restify routes. */
export function createWarmlineServer(config: AppConfig, logger: Logger, kb: KnowledgeBase = loadKnowledgeBase(), llm?: AssistantLlm): WarmlineServer {
  const assistant = new Assistant({ kb, maxDraft: config.MAX_DRAFT_CHARS, ...(llm ? { llm } : {}) });
  const storage = storageFrom(config.STORAGE);
  const bot = new WarmlineBot({
    appId: config.MicrosoftAppId,
    assistant,
    conversationState: new ConversationState(storage),
    userState: new UserState(storage),
    logger,
    allowedTenants: config.ALLOWED_TENANTS,
  });
  const adapter = createAdapter(config, logger);

  const server = restify.createServer({ name: 'warmline', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser());
  // Bot Framework activities are small; a generous cap still refuses abuse early. Drafts over
  // MAX_DRAFT_CHARS get a clear message from the assistant, not a 413.
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });

  server.get('/healthz', (_req, res, next) => {
    res.json({ status: 'ok', engine: 'loaded', guidelines: kb.guidelines.length, mode: assistant.mode, ...(llm ? { llm: { provider: llm.client.mode, model: llm.client.chatModel } } : {}), version: APP_VERSION });
    return next();
  });

  registerWebChat(server, { bot, config, logger });

  server.on('restifyError', (req, res, err, callback) => {
    logger.warn({ status: (err as { statusCode?: number }).statusCode, path: req.path() }, 'request failed');
    return callback();
  });

  return {
    server,
    bot,
    listen: () =>
      new Promise((resolve) => {
        server.listen(config.PORT, config.HOST, () => {
          const address = server.address();
          resolve(`http://127.0.0.1:${address.port}`);
        });
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
