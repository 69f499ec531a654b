import type restify from 'restify';
import { webChatMode, type AppConfig, type WebChatMode } from '../../../config/app-config.js';
import type { Logger } from '../../../config/logger.js';
import type { WarmlineBot } from '../warmline-bot.js';
import { RateLimiter } from '../../rate-limit.js';
import { ConversationStore, DEFAULT_LIMITS, type ConversationLimits } from './conversation-store.js';
import { DirectLineAdapter } from './direct-line-adapter.js';
import { registerDirectLine } from './direct-line-routes.js';
import { registerTokenRoute } from './token-route.js';
import { webChatBundleHandler } from './web-chat-bundle.js';
import { BUNDLE_PATH, registerPage } from './web-chat-page.js';

export interface WebChatDeps {
  bot: WarmlineBot;
  config: AppConfig;
  logger: Logger;
  /** Rate limits of the offline Direct Line; tests set their own. */
  rate?: { create: RateLimiter; post: RateLimiter };
  /** Memory bounds of the offline Direct Line; tests shrink them. */
  limits?: ConversationLimits;
}

/**
 * The browser chat: GET / (a page with Web Chat), its bundle, the token endpoint, and an offline
 * Direct Line 3.0 so the page works with no Azure at all. With DIRECT_LINE_SECRET the page talks
 * to Azure Direct Line instead, and the offline endpoint is not served (WEB_CHAT in app-config.ts).
 */
export function registerWebChat(server: restify.Server, deps: WebChatDeps): WebChatMode {
  const { bot, config, logger } = deps;
  const mode = webChatMode(config);
  if (mode === 'off') return mode;
  const store = new ConversationStore(deps.limits ?? DEFAULT_LIMITS);
  registerPage(server, config);
  server.get(BUNDLE_PATH, webChatBundleHandler());
  // One address may open a conversation every two seconds on average (bursts of 20), one conversation may
  // post a message a second (bursts of 20): a person never notices, a script cannot flood the store.
  const rate = deps.rate ?? { create: new RateLimiter(30, 20), post: new RateLimiter(60, 20) };
  registerTokenRoute(server, { store, config, logger, rate: rate.create });
  // The offline Direct Line answers anyone who reaches it: it is served only where the web chat is meant to be
  // open (no app id, or WEB_CHAT=public), never beside Azure Direct Line in a deployment.
  if (mode === 'offline-open') {
    const adapter = new DirectLineAdapter(store, { id: config.MicrosoftAppId || 'warmline', name: 'Warmline', role: 'bot' }, logger);
    registerDirectLine(server, { store, adapter, runBot: (context) => bot.run(context), logger, rate });
  }
  return mode;
}
