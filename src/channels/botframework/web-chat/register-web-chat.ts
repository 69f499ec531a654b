import { createHash } from 'node:crypto';
import type restify from 'restify';
import type { EntraSignIn } from '../../auth/entra-sign-in.js';
import { webChatMode, type AppConfig, type WebChatMode } from '../../../config/app-config.js';
import type { Logger } from '../../../config/logger.js';
import type { WarmlineBot } from '../warmline-bot.js';
import { RateLimiter } from '../../rate-limit.js';
import type { Database } from '../../../store/database.js';
import { WebChatTable } from '../../../store/web-chat-table.js';
import { ConversationStore, DEFAULT_LIMITS, type ConversationLimits, type WebChatStore } from './conversation-store.js';
import { DatabaseConversationStore } from './database-conversation-store.js';
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
  /** With a database, conversations live there and any instance serves any web-chat user. */
  database?: Database;
  /** Sign-in with Entra ID: with an app id, the built-in web chat is served only to signed-in users of allowed tenants. */
  signIn?: EntraSignIn;
}

/** Idle conversations are swept this often (they also expire on access). */
const SWEEP_MS = 5 * 60_000;

/**
 * The browser chat: GET / (a page with Web Chat), its bundle, the token endpoint, and an offline
 * Direct Line 3.0 so the page works with no Azure at all. With DIRECT_LINE_SECRET the page talks
 * to Azure Direct Line instead, and the offline endpoint is not served (WEB_CHAT in app-config.ts).
 */
export function registerWebChat(server: restify.Server, deps: WebChatDeps): WebChatMode {
  const { bot, config, logger } = deps;
  const mode = webChatMode(config, Boolean(deps.signIn));
  // Behind sign-in: the page sends a stranger to sign in; starting a conversation needs the session (a conversation's
  // own token protects everything after that), and the user is the signed-in person, not whoever the page says.
  const gate =
    mode === 'offline-signed-in' && deps.signIn
      ? (req: restify.Request, res: restify.Response, page: boolean): { userId: string } | undefined => {
          const session = deps.signIn!.sessionOf(req);
          if (session) return { userId: `u_${createHash('sha256').update(`${session.tid}|${session.oid}`).digest('hex').slice(0, 24)}` };
          if (page) deps.signIn!.redirectToSignIn(res, '/');
          else res.send(401, { error: { code: 'Unauthorized', message: 'Sign in first: open the web chat page.' } });
          return undefined;
        }
      : undefined;
  if (mode === 'off') return mode;
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const store: WebChatStore = deps.database ? new DatabaseConversationStore(new WebChatTable(deps.database.db, limits), limits) : new ConversationStore(limits);
  const sweeper = setInterval(() => {
    store.sweep().catch((error: unknown) => logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'web chat expiry failed; will retry'));
  }, SWEEP_MS).unref();
  server.server.on('close', () => clearInterval(sweeper));
  registerPage(server, config, gate);
  server.get(BUNDLE_PATH, webChatBundleHandler());
  // One address may open a conversation every two seconds on average (bursts of 20), one conversation may
  // post a message a second (bursts of 20): a person never notices, a script cannot flood the store.
  const rate = deps.rate ?? { create: new RateLimiter(30, 20), post: new RateLimiter(60, 20) };
  registerTokenRoute(server, { store, config, logger, rate: rate.create, ...(gate ? { gate } : {}) });
  // The offline Direct Line answers anyone who reaches it: it is served only where the web chat is meant to be
  // open (no app id, or WEB_CHAT=public), never beside Azure Direct Line in a deployment.
  if (mode === 'offline-open' || mode === 'offline-signed-in') {
    const adapter = new DirectLineAdapter(store, { id: config.MicrosoftAppId || 'warmline', name: 'Warmline', role: 'bot' }, logger);
    registerDirectLine(server, { store, adapter, runBot: (context) => bot.run(context), logger, rate, ...(gate ? { gate } : {}) });
  }
  return mode;
}
