import type restify from 'restify';
import type { AppConfig } from '../../../config/app-config.js';
import type { Logger } from '../../../config/logger.js';
import type { WarmlineBot } from '../warmline-bot.js';
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
  /** Memory bounds of the offline Direct Line; tests shrink them. */
  limits?: ConversationLimits;
}

/**
 * The browser chat: GET / (a page with Web Chat), its bundle, the token endpoint, and an offline
 * Direct Line 3.0 so the page works with no Azure at all. With DIRECT_LINE_SECRET the page talks
 * to Azure Direct Line instead; the offline endpoint stays available (it needs no secret).
 */
export function registerWebChat(server: restify.Server, deps: WebChatDeps): void {
  const { bot, config, logger } = deps;
  const store = new ConversationStore(deps.limits ?? DEFAULT_LIMITS);
  const adapter = new DirectLineAdapter(store, { id: config.MicrosoftAppId || 'warmline', name: 'Warmline', role: 'bot' }, logger);

  registerPage(server, config);
  server.get(BUNDLE_PATH, webChatBundleHandler());
  registerTokenRoute(server, { store, config, logger });
  registerDirectLine(server, { store, adapter, runBot: (context) => bot.run(context), logger });
}
