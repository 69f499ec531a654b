import { randomUUID } from 'node:crypto';
import type restify from 'restify';
import { reviewEventOf, type EventCaller, type ReviewEventSink } from '../../assistant/review-events.js';
import type { Lang, ReviewError, ReviewResult } from '../../core/contract.js';
import type { KnowledgeBase } from '../../engine/knowledge-base.js';
import { review } from '../../engine/review.js';
import { ReviewInputError } from '../../engine/review-input.js';
import { searchGuidance } from '../../retrieval/search-guidance.js';
import type { Logger } from '../../config/logger.js';
import { looksLikeJwt, type EntraApiTokens } from '../auth/entra-api-token.js';
import type { ApiKeys } from './api-keys.js';
import { openApiDocument } from './openapi.js';
import { sendProblem } from './problem.js';
import type { RateLimiter } from '../rate-limit.js';

export interface HttpApiDeps {
  /** The knowledge base in use now (a published version can replace it while the server runs). */
  knowledge: () => KnowledgeBase;
  keys: ApiKeys;
  limiter: RateLimiter;
  maxDraft: number;
  logger: Logger;
  version: string;
  /** REPLY_REGISTER: how alternatives address the customer where a draft shows neither way. */
  registers?: Partial<Record<Lang, string>>;
  /** Entra ID access tokens accepted beside API keys (API_ENTRA_AUDIENCE); absent: API keys only. */
  entra?: EntraApiTokens;
  /** Where the API's reviews are recorded for the supervisors (site "api"); absent: nothing is. */
  events?: ReviewEventSink;
}

/**
 * Who calls, for the review events: an Entra token names its user and tenant; an API key is the agent (a helpdesk
 * integration), its tenant the tenant.
 * The contract's request has no field naming a person, so one key is one pseudonymous agent; without a key
 * (this machine, before any exists) the caller is "local".
 */
/** The request's draft, for the event sink (kept only with REVIEW_STORE_TEXT); review() has already checked it. */
const draftOf = (request: unknown) => (request as { draft?: unknown }).draft as string;

const apiCaller = (tenant: string, user: string): EventCaller => ({ tenant, user, site: 'api', channel: 'api' });

export const MAX_BATCH = 100;

/** A request from this machine (the API before any key exists, the dashboard offline). */
export const isLoopback = (address: string | undefined) => address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';

/**
 * The review contract over HTTP for helpdesk tools (Zendesk, Freshdesk, Dynamics 365, an in-house sidebar):
 * POST /api/v1/review, POST /api/v1/review:batch, GET /api/v1/guidance?q=, described at /api/v1/openapi.json.
 * An API key or an Entra ID token (Bearer) is required once any key exists or Entra is set; before that, only this
 * machine may call. Every
 * client is rate-limited (429 with Retry-After); errors are RFC 9457 problem+json; no draft is logged.
 */
export function registerHttpApi(server: restify.Server, deps: HttpApiDeps): void {
  const { knowledge, keys, limiter, maxDraft, logger } = deps;

  /** The caller, or null after answering 401/429 itself. */
  const admit = async (req: restify.Request, res: restify.Response): Promise<EventCaller | null> => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
    let client: string;
    let caller: EventCaller;
    if (bearer && deps.entra && looksLikeJwt(bearer)) {
      const entra = await deps.entra.verify(bearer);
      if (!entra) {
        sendProblem(res, 401, 'Unauthorized', 'The Entra ID token is not valid for this API (tenant, audience, signature or expiry).', { 'WWW-Authenticate': 'Bearer' });
        return null;
      }
      client = `entra:${entra.tenant}:${entra.subject}`;
      caller = apiCaller(entra.tenant, `entra:${entra.subject}`);
    } else if (bearer) {
      const owner = await keys.ownerOf(bearer);
      if (!owner) {
        sendProblem(res, 401, 'Unauthorized', 'The API key is unknown or revoked.', { 'WWW-Authenticate': 'Bearer' });
        return null;
      }
      client = `key:${bearer.slice(0, 12)}`;
      caller = apiCaller(owner.tenant, `apikey:${owner.id}`);
    } else if (isLoopback(req.socket.remoteAddress) && !deps.entra && !(await keys.hasActiveKeys())) {
      client = 'local';
      caller = apiCaller('local', 'apikey:none');
    } else {
      sendProblem(res, 401, 'Unauthorized', 'Send an API key as "Authorization: Bearer <key>" (npm run apikey -- create --tenant <name>).', { 'WWW-Authenticate': 'Bearer' });
      return null;
    }
    const wait = limiter.take(client);
    if (wait > 0) {
      sendProblem(res, 429, 'Too Many Requests', `Try again in ${wait} s.`, { 'Retry-After': String(wait) });
      return null;
    }
    return caller;
  };

  /** One review, recorded as a review event (queued, never slowing the answer). */
  const reviewOne = (request: unknown, caller: EventCaller): ReviewResult => {
    const result = review(request, { kb: knowledge(), maxDraft, ...(deps.registers ? { registers: deps.registers } : {}) });
    deps.events?.record(reviewEventOf(randomUUID(), caller, result, draftOf(request)));
    return result;
  };

  server.get('/api/v1/openapi.json', (_req, res, next) => {
    res.json(openApiDocument(deps.version));
    return next();
  });

  server.post('/api/v1/review', async (req, res) => {
    const caller = await admit(req, res);
    if (!caller) return;
    try {
      res.json(reviewOne(req.body, caller));
    } catch (error) {
      if (error instanceof ReviewInputError) sendProblem(res, 400, 'The draft cannot be reviewed', error.message);
      else {
        logger.error({ err: { message: (error as Error).message } }, 'api review failed');
        sendProblem(res, 500, 'Internal error');
      }
    }
  });

  // find-my-way reads "::" as a literal colon: the route is /api/v1/review:batch.
  server.post('/api/v1/review::batch', async (req, res) => {
    const caller = await admit(req, res);
    if (!caller) return;
    const body = req.body as { requests?: unknown } | undefined;
    const requests = Array.isArray(body) ? body : body?.requests;
    if (!Array.isArray(requests)) {
      sendProblem(res, 400, 'Bad request', 'The body must be {"requests": [ … ]} with review requests.');
      return;
    }
    if (requests.length > MAX_BATCH) {
      sendProblem(res, 400, 'Bad request', `At most ${MAX_BATCH} requests a batch (got ${requests.length}).`);
      return;
    }
    const results = requests.map((r): ReviewResult | ReviewError => {
      const rawId = (r as { id?: unknown } | null)?.id;
      try {
        return reviewOne(r, caller);
      } catch (error) {
        if (error instanceof ReviewInputError) return { id: rawId === undefined || rawId === null ? null : String(rawId), error: error.message };
        throw error;
      }
    });
    res.json({ results });
  });

  server.get('/api/v1/guidance', async (req, res) => {
    if (!(await admit(req, res))) return;
    const q = typeof req.query?.q === 'string' ? req.query.q.trim() : '';
    if (!q || q.length > 500) {
      sendProblem(res, 400, 'Bad request', 'Give the question as ?q= (1–500 characters).');
      return;
    }
    const lang = typeof req.query?.lang === 'string' && ['fi', 'pl', 'hu', 'en'].includes(req.query.lang) ? (req.query.lang as 'fi' | 'pl' | 'hu' | 'en') : undefined;
    res.json(searchGuidance(knowledge(), q, { lang }));
  });
}

/** restify's own errors (malformed JSON, a body too large) on the API's paths, as problem+json. */
export function asApiProblem(req: restify.Request, res: restify.Response, err: Error & { statusCode?: number; toJSON?: () => unknown }): void {
  if (!req.path().startsWith('/api/v1/')) return;
  const status = err.statusCode ?? 500;
  res.header('Content-Type', 'application/problem+json');
  err.toJSON = () => ({ type: 'about:blank', title: status === 413 ? 'Payload Too Large' : status >= 500 ? 'Internal error' : 'Bad request', status, ...(status < 500 ? { detail: err.message } : {}) });
}
