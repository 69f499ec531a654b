import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import type restify from 'restify';
import type { Logger } from '../../../config/logger.js';
import type { WebChatConversation as Conversation, WebChatStore } from './conversation-store.js';
import { toJson, type DirectLineAdapter } from './direct-line-adapter.js';
import { bearerToken, cleanLocale, cleanUserId, objectBody, originOf, sendError } from './http-helpers.js';

import type { RateLimiter } from '../../rate-limit.js';

export const DIRECT_LINE_PATH = '/v3/directline';

/** What a client may post. conversationUpdate and the like are the channel's to send, never the user's. */
const POSTABLE_TYPES = new Set<string>([ActivityTypes.Message, ActivityTypes.Event, ActivityTypes.Invoke, ActivityTypes.Typing]);

export interface DirectLineDeps {
  store: WebChatStore;
  adapter: DirectLineAdapter;
  runBot: (context: TurnContext) => Promise<void>;
  logger: Logger;
  /** Per-client limits: conversations a minute per address, messages a minute per conversation (429 past them). */
  rate?: { create: RateLimiter; post: RateLimiter };
  /** Behind sign-in: a new conversation needs the signed-in user (answers 401 itself otherwise). */
  gate?: (req: restify.Request, res: restify.Response, page: boolean) => { userId: string } | undefined;
}

/**
 * The part of Direct Line 3.0 that Web Chat uses when it polls (webSocket: false): start or resume a
 * conversation, post an activity, get activities after a watermark, refresh the token. Offline: the
 * bot runs in this process through DirectLineAdapter, no Azure involved.
 */
export function registerDirectLine(server: restify.Server, deps: DirectLineDeps): void {
  const { store, adapter, runBot, logger } = deps;

  const describe = (c: Conversation) => ({ conversationId: c.id, token: c.token, expires_in: store.limits.tokenTtlSeconds });

  /** The bot meets the user once, on first connect, so the welcome is waiting for Web Chat's first poll. */
  async function start(conversation: Conversation): Promise<void> {
    if (!(await store.claimStart(conversation))) return;
    const update: Partial<Activity> = {
      type: ActivityTypes.ConversationUpdate,
      id: `${conversation.id}|start`,
      timestamp: new Date(),
      channelId: 'directline',
      serviceUrl: conversation.serviceUrl,
      conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
      from: conversation.user,
      recipient: adapter.botAccount,
      membersAdded: [adapter.botAccount, conversation.user],
      locale: conversation.locale,
    };
    await adapter.process(update, runBot);
  }

  /** 404 for an unknown (or expired) conversation, 401 without a token, 403 with someone else's. */
  async function authorised(req: restify.Request, res: restify.Response): Promise<Conversation | undefined> {
    const conversation = await store.get(String(req.params?.conversationId ?? ''));
    if (!conversation) {
      sendError(res, 404, 'BadArgument', 'Conversation not found');
      return undefined;
    }
    const token = bearerToken(req);
    if (token === undefined) {
      res.header('WWW-Authenticate', 'Bearer');
      sendError(res, 401, 'BadArgument', 'Missing token');
      return undefined;
    }
    if (!(await store.tokenMatches(conversation, token))) {
      sendError(res, 403, 'TokenExpired', 'Token not valid for this conversation');
      return undefined;
    }
    await store.touch(conversation);
    return conversation;
  }

  /** Handlers never throw into restify: a failure is logged and answered with a JSON 500. */
  const safely =
    (name: string, handler: (req: restify.Request, res: restify.Response) => Promise<void>) =>
    async (req: restify.Request, res: restify.Response): Promise<void> => {
      try {
        await handler(req, res);
      } catch (error) {
        logger.error({ err: { message: (error as Error).message, stack: (error as Error).stack }, route: name }, 'direct line request failed');
        if (!res.headersSent) sendError(res, 500, 'ServiceError', 'Internal error');
      }
    };

  // Start a conversation, or (Web Chat with a token from /api/directline/token) resume the one the token belongs to.
  server.post(
    `${DIRECT_LINE_PATH}/conversations`,
    safely('start', async (req, res) => {
      const body = objectBody(req, true);
      if (!body) return sendError(res, 400, 'BadArgument', 'The body must be a JSON object');
      const token = bearerToken(req);
      const locale = cleanLocale(body.locale);
      if (token !== undefined) {
        const existing = await store.byToken(token);
        if (!existing) return sendError(res, 403, 'TokenExpired', 'Token not valid');
        await store.touch(existing);
        if (locale) await store.setLocale(existing, locale);
        await start(existing);
        res.header('Cache-Control', 'no-store');
        return void res.send(200, describe(existing));
      }
      const wait = deps.rate?.create.take(`ip:${req.socket.remoteAddress ?? ''}`) ?? 0;
      if (wait > 0) {
        res.header('Retry-After', String(wait));
        return sendError(res, 429, 'TooManyRequests', `Too many new conversations from this address; try again in ${wait} s`);
      }
      const signedIn = deps.gate ? deps.gate(req, res, false) : undefined;
      if (deps.gate && !signedIn) return;
      const user = body.user as { id?: unknown } | undefined;
      const conversation = await store.create({ userId: signedIn?.userId ?? cleanUserId(user?.id), locale, serviceUrl: `${originOf(req)}${DIRECT_LINE_PATH}` });
      await start(conversation);
      res.header('Cache-Control', 'no-store');
      res.send(201, describe(conversation));
    }),
  );

  // Reconnect (DirectLineJS does this when it already knows the conversation id).
  server.get(
    `${DIRECT_LINE_PATH}/conversations/:conversationId`,
    safely('reconnect', async (req, res) => {
      const conversation = await authorised(req, res);
      if (!conversation) return;
      await start(conversation);
      res.header('Cache-Control', 'no-store');
      res.send(200, describe(conversation));
    }),
  );

  server.post(
    `${DIRECT_LINE_PATH}/conversations/:conversationId/activities`,
    safely('post', async (req, res) => {
      const conversation = await authorised(req, res);
      if (!conversation) return;
      const wait = deps.rate?.post.take(`conv:${conversation.id}`) ?? 0;
      if (wait > 0) {
        res.header('Retry-After', String(wait));
        return sendError(res, 429, 'TooManyRequests', `Too many messages; try again in ${wait} s`);
      }
      const body = objectBody(req);
      if (!body) return sendError(res, 400, 'BadArgument', 'The body must be a JSON activity object');
      if (typeof body.type !== 'string' || body.type === '') return sendError(res, 400, 'MissingProperty', 'The activity has no "type"');
      if (!POSTABLE_TYPES.has(body.type)) return sendError(res, 400, 'BadArgument', `Activity type "${body.type.slice(0, 40)}" cannot be posted`);
      if (body.text !== undefined && typeof body.text !== 'string') return sendError(res, 400, 'BadArgument', '"text" must be a string');

      // Someone posting before connecting still gets the welcome first.
      await start(conversation);
      const from = body.from as { name?: unknown } | undefined;
      const received = new Date();
      const activity = toJson({
        ...body,
        id: undefined,
        timestamp: received.toISOString(),
        channelId: 'directline',
        serviceUrl: conversation.serviceUrl,
        conversation: { id: conversation.id },
        // The token, not the body, says who the user is.
        from: { id: conversation.user.id, name: typeof from?.name === 'string' ? from.name.slice(0, 64) : '', role: 'user' },
        recipient: adapter.botAccount,
        locale: cleanLocale(body.locale) ?? conversation.locale,
      });
      // Typing is a passing signal: not kept, no turn (the bot has nothing to say to it).
      if (body.type === ActivityTypes.Typing) return void res.send(200, { id: '' });

      // Stored first, so Web Chat sees its own message (matched by clientActivityID) before the answer.
      const id = await store.append(conversation, activity);
      await adapter.process({ ...activity, id, timestamp: received } as Partial<Activity>, runBot);
      res.send(200, { id });
    }),
  );

  server.get(
    `${DIRECT_LINE_PATH}/conversations/:conversationId/activities`,
    safely('poll', async (req, res) => {
      const conversation = await authorised(req, res);
      if (!conversation) return;
      const raw = String((req.query as Record<string, unknown> | undefined)?.watermark ?? '');
      const watermark = /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
      res.header('Cache-Control', 'no-store');
      res.send(200, await store.since(conversation, watermark));
    }),
  );

  // DirectLineJS refreshes every 15 minutes; the token stays the same, its lifetime starts again.
  server.post(
    `${DIRECT_LINE_PATH}/tokens/refresh`,
    safely('refresh', async (req, res) => {
      const token = bearerToken(req);
      const conversation = token === undefined ? undefined : await store.byToken(token);
      if (!conversation) return sendError(res, 403, 'TokenExpired', 'Token not valid');
      await store.refreshToken(conversation);
      await store.touch(conversation);
      res.header('Cache-Control', 'no-store');
      res.send(200, describe(conversation));
    }),
  );
}
