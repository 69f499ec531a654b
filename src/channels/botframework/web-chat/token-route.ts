import { randomBytes } from 'node:crypto';
import type restify from 'restify';
import type { AppConfig } from '../../../config/app-config.js';
import type { Logger } from '../../../config/logger.js';
import type { RateLimiter } from '../../rate-limit.js';
import type { WebChatStore } from './conversation-store.js';
import { DIRECT_LINE_PATH } from './direct-line-routes.js';
import { cleanLocale, cleanUserId, objectBody, originOf, sendError } from './http-helpers.js';

export const TOKEN_PATH = '/api/directline/token';

/** Azure's token service normally answers in well under a second; the page should not hang on it. */
const AZURE_TIMEOUT_MS = 10_000;

export interface TokenRouteDeps {
  store: WebChatStore;
  /** New offline conversations per address (shared with Direct Line's own conversation start). */
  rate?: RateLimiter;
  config: AppConfig;
  logger: Logger;
  /** Behind sign-in: the signed-in user, or undefined after answering 401. */
  gate?: (req: restify.Request, res: restify.Response, page: boolean) => { userId: string } | undefined;
}

/**
 * The page asks here for a Direct Line token. With DIRECT_LINE_SECRET set, the secret is exchanged
 * server-side with Azure, so it never reaches the browser; without it, an offline conversation is
 * opened in this process and Web Chat is pointed at our own /v3/directline.
 */
export function registerTokenRoute(server: restify.Server, deps: TokenRouteDeps): void {
  const { store, config, logger } = deps;

  server.post(TOKEN_PATH, async (req, res) => {
    res.header('Cache-Control', 'no-store');
    const body = objectBody(req, true);
    if (!body) return sendError(res, 400, 'BadArgument', 'The body must be a JSON object');
    const locale = cleanLocale(body.locale);

    if (!config.DIRECT_LINE_SECRET) {
      const wait = deps.rate?.take(`ip:${req.socket.remoteAddress ?? ''}`) ?? 0;
      if (wait > 0) {
        res.header('Retry-After', String(wait));
        return sendError(res, 429, 'TooManyRequests', `Too many new conversations from this address; try again in ${wait} s`);
      }
      const signedIn = deps.gate ? deps.gate(req, res, false) : undefined;
      if (deps.gate && !signedIn) return;
      const conversation = await store.create({ userId: signedIn?.userId ?? cleanUserId(body.userId), locale, serviceUrl: `${originOf(req)}${DIRECT_LINE_PATH}` });
      return void res.send(200, {
        token: conversation.token,
        conversationId: conversation.id,
        expires_in: store.limits.tokenTtlSeconds,
        mode: 'offline',
        domain: DIRECT_LINE_PATH,
      });
    }

    // "dl_" ids are the ones Direct Line trusts because the server embedded them in the token.
    const userId = `dl_${randomBytes(12).toString('hex')}`;
    try {
      const response = await fetch(`${config.DIRECT_LINE_ENDPOINT.replace(/\/+$/, '')}/tokens/generate`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${config.DIRECT_LINE_SECRET}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ user: { id: userId } }),
        signal: AbortSignal.timeout(AZURE_TIMEOUT_MS),
      });
      if (!response.ok) {
        logger.warn({ status: response.status }, 'direct line token request refused');
        return sendError(res, 502, 'DirectLineUnavailable', `Direct Line refused the token request (${response.status})`);
      }
      const generated = (await response.json()) as { token?: unknown; conversationId?: unknown; expires_in?: unknown };
      if (typeof generated.token !== 'string') return sendError(res, 502, 'DirectLineUnavailable', 'Direct Line sent no token');
      res.send(200, {
        token: generated.token,
        conversationId: typeof generated.conversationId === 'string' ? generated.conversationId : undefined,
        expires_in: typeof generated.expires_in === 'number' ? generated.expires_in : undefined,
        mode: 'azure',
        domain: config.DIRECT_LINE_ENDPOINT,
      });
    } catch (error) {
      logger.warn({ err: { message: (error as Error).message } }, 'direct line token request failed');
      sendError(res, 502, 'DirectLineUnavailable', 'Could not reach Direct Line');
    }
  });
}
