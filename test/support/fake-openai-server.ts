import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/**
 * A loopback stand-in for the OpenAI / Azure OpenAI HTTP API, so the real `openai` SDK and
 * `@langchain/openai` can be exercised in tests without the internet.
 *
 * Routes (POST only, `stream: false` only):
 *   /v1/chat/completions, /v1/embeddings                                    — needs `authorization: Bearer …`
 *   /openai/deployments/:deployment/chat/completions?api-version=…          — needs `api-key` header
 *   /openai/deployments/:deployment/embeddings?api-version=…                — needs `api-key` header
 */

export type FakeReply =
  /** 200, a chat completion whose message.content is JSON.stringify(json). For embeddings: `json` is sent verbatim as the whole body. */
  | { json: unknown }
  /** 200, message.content exactly as given (e.g. not JSON, to simulate a malformed model answer). Chat only. */
  | { content: string }
  /** 200, message.content null and message.refusal set (OpenAI's refusal shape). Chat only. */
  | { refusal: string }
  /**
   * Any status (e.g. 429 with `retry-after`, 500, 503). Without `body`, an OpenAI-shaped error
   * `{error:{message,type,code}}` matching the status is sent; an object body is sent as JSON, a string body verbatim.
   */
  | { status: number; body?: unknown; headers?: Record<string, string> }
  /** Wait, then answer. Stops waiting (and never answers) if the client disconnects first. */
  | { delayMs: number; then: FakeReply }
  /** 200 with a body that is not valid JSON. */
  | { malformedBody: true };

export interface RecordedRequest {
  /** Path without the query string, e.g. `/v1/chat/completions`. */
  path: string;
  query: Record<string, string>;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Parsed JSON body; the raw text when it is not JSON; undefined when empty. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface FakeOpenAi {
  /** e.g. http://127.0.0.1:PORT/v1 — use as the OpenAI `baseURL`. */
  url: string;
  /** e.g. http://127.0.0.1:PORT — use as the Azure endpoint. */
  azureEndpoint: string;
  /** Every request that reached the server, in arrival order (including ones answered with an error). */
  requests: RecordedRequest[];
  /** Replies for chat completions, consumed in order; when empty, the `onChat` handler answers, else a 500. */
  chat(...replies: FakeReply[]): void;
  /** A function deciding per request (sees the parsed request body); used once the `chat(...)` queue is empty. */
  onChat(handler: (req: RecordedRequest) => FakeReply): void;
  /** Embeddings: deterministic vectors (16 dims, or `dimensions` if the request asks) unless scripted with embeddings(...replies). */
  embeddings(...replies: FakeReply[]): void;
  /** Forget recorded requests, scripted replies and the `onChat` handler. */
  reset(): void;
  close(): Promise<void>;
}

type Route = { kind: 'chat' | 'embeddings'; flavour: 'openai' | 'azure'; deployment?: string };

const DEFAULT_EMBEDDING_DIMS = 16;

/**
 * A delay no test outlives (vitest's testTimeout is 20 s): a call that returns while its reply is delayed this long
 * was cut off by the caller's own budget or timeout. Tests of budgets assert that, never a wall-clock duration,
 * which a busy machine can stretch.
 */
export const LONGER_THAN_ANY_TEST_MS = 10 * 60 * 1000;

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const requests: RecordedRequest[] = [];
  const chatQueue: FakeReply[] = [];
  const embeddingsQueue: FakeReply[] = [];
  let chatHandler: ((req: RecordedRequest) => FakeReply) | undefined;
  const timers = new Set<NodeJS.Timeout>();
  let counter = 0;

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => res.destroy());
    req.on('end', () => {
      try {
        handle(req, res, Buffer.concat(chunks).toString('utf8'));
      } catch (error) {
        sendError(res, 500, `fake-openai: ${(error as Error).message}`, 'server_error', null);
      }
    });
  });

  function handle(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const parsedUrl = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    let body: unknown = undefined;
    let bodyIsJson = false;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
        bodyIsJson = true;
      } catch {
        body = raw;
      }
    }
    const recorded: RecordedRequest = {
      path: parsedUrl.pathname,
      query: Object.fromEntries(parsedUrl.searchParams.entries()),
      headers,
      body,
    };
    requests.push(recorded);
    const requestId = `req_fake_${++counter}`;
    res.setHeader('x-request-id', requestId);

    const route = matchRoute(recorded.path);
    if (!route) {
      sendError(res, 404, `fake-openai: no route for ${req.method ?? '?'} ${recorded.path}`, 'invalid_request_error', 'not_found');
      return;
    }
    if (req.method !== 'POST') {
      sendError(res, 405, `fake-openai: ${req.method ?? '?'} is not allowed on ${recorded.path}; use POST`, 'invalid_request_error', 'method_not_allowed');
      return;
    }
    if (route.flavour === 'azure') {
      if (!recorded.query['api-version']) {
        sendError(res, 400, "Missing required query parameter 'api-version'.", 'invalid_request_error', 'missing_api_version');
        return;
      }
      if (!headers['api-key']) {
        sendError(res, 401, "Access denied due to missing 'api-key' header.", 'invalid_request_error', 'invalid_api_key');
        return;
      }
    } else if (!/^Bearer\s+\S+/i.test(headers['authorization'] ?? '')) {
      sendError(
        res,
        401,
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
        'invalid_request_error',
        'invalid_api_key',
      );
      return;
    }
    if (!bodyIsJson || typeof body !== 'object' || body === null || Array.isArray(body)) {
      sendError(res, 400, 'fake-openai: the request body must be a JSON object.', 'invalid_request_error', 'invalid_json');
      return;
    }
    const requestBody = body as Record<string, unknown>;
    if (requestBody['stream'] === true) {
      sendError(
        res,
        400,
        'fake-openai: stream:true is not supported by this fake server; send stream:false (or leave streaming off in the client).',
        'invalid_request_error',
        'stream_not_supported',
      );
      return;
    }
    const model = typeof requestBody['model'] === 'string' ? requestBody['model'] : (route.deployment ?? 'unknown-model');

    if (route.kind === 'chat') {
      let reply = chatQueue.shift();
      if (!reply && chatHandler) {
        try {
          reply = chatHandler(recorded);
        } catch (error) {
          sendError(res, 500, `fake-openai: onChat handler threw: ${(error as Error).message}`, 'server_error', null);
          return;
        }
      }
      if (!reply) {
        sendError(res, 500, 'fake-openai: no scripted chat reply left (use chat(...) or onChat(...)).', 'server_error', null);
        return;
      }
      respond(res, reply, (final) => chatCompletion(final, requestBody, model, requestId));
    } else {
      const reply = embeddingsQueue.shift();
      if (!reply) {
        sendJson(res, 200, embeddingResponse(requestBody, model));
        return;
      }
      respond(res, reply, (final) => {
        if ('json' in final) return final.json;
        throw new Error(`${'content' in final ? '{content}' : '{refusal}'} replies are for chat completions, not embeddings`);
      });
    }
  }

  /** Answers `reply`; `success` builds the 200 body for json/content/refusal replies. */
  function respond(
    res: ServerResponse,
    reply: FakeReply,
    success: (reply: Extract<FakeReply, { json: unknown } | { content: string } | { refusal: string }>) => unknown,
  ): void {
    if ('delayMs' in reply) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        res.off('close', onClose);
        if (!res.destroyed && !res.writableEnded) respond(res, reply.then, success);
      }, Math.max(0, reply.delayMs));
      const onClose = (): void => {
        clearTimeout(timer);
        timers.delete(timer);
      };
      timers.add(timer);
      res.once('close', onClose);
      return;
    }
    if ('malformedBody' in reply) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id": "chatcmpl-fake-malformed", "object": "chat.completion", "choices": [{"index": 0, "mess');
      return;
    }
    if ('status' in reply) {
      const extra = reply.headers ?? {};
      if (reply.body === undefined) {
        const [type, code] = errorKind(reply.status);
        sendError(res, reply.status, `fake-openai: scripted ${reply.status} reply`, type, code, extra);
      } else if (typeof reply.body === 'string') {
        res.writeHead(reply.status, { 'content-type': 'text/plain; charset=utf-8', ...extra });
        res.end(reply.body);
      } else {
        sendJson(res, reply.status, reply.body, extra);
      }
      return;
    }
    let payload: unknown;
    try {
      payload = success(reply);
    } catch (error) {
      sendError(res, 500, `fake-openai: ${(error as Error).message}`, 'server_error', null);
      return;
    }
    sendJson(res, 200, payload);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as { port: number };
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/v1`,
    azureEndpoint: origin,
    requests,
    chat: (...replies) => {
      chatQueue.push(...replies);
    },
    onChat: (handler) => {
      chatHandler = handler;
    },
    embeddings: (...replies) => {
      embeddingsQueue.push(...replies);
    },
    reset: () => {
      requests.length = 0;
      chatQueue.length = 0;
      embeddingsQueue.length = 0;
      chatHandler = undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function matchRoute(path: string): Route | undefined {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '/v1/chat/completions') return { kind: 'chat', flavour: 'openai' };
  if (trimmed === '/v1/embeddings') return { kind: 'embeddings', flavour: 'openai' };
  const azure = /^\/openai\/deployments\/([^/]+)\/(chat\/completions|embeddings)$/.exec(trimmed);
  if (azure && azure[1] && azure[2]) {
    return { kind: azure[2] === 'embeddings' ? 'embeddings' : 'chat', flavour: 'azure', deployment: decodeURIComponent(azure[1]) };
  }
  return undefined;
}

function errorKind(status: number): [type: string, code: string | null] {
  if (status === 400) return ['invalid_request_error', null];
  if (status === 401) return ['invalid_request_error', 'invalid_api_key'];
  if (status === 403) return ['invalid_request_error', 'unsupported_country_region_territory'];
  if (status === 404) return ['invalid_request_error', 'model_not_found'];
  if (status === 429) return ['requests', 'rate_limit_exceeded'];
  if (status >= 500) return ['server_error', null];
  return ['invalid_request_error', null];
}

function sendJson(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(payload));
}

function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  type: string,
  code: string | null,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { error: { message, type, param: null, code } }, headers);
}

function roughTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

function promptText(body: Record<string, unknown>): string {
  const messages = Array.isArray(body['messages']) ? (body['messages'] as unknown[]) : [];
  return messages
    .map((m) => {
      const content = (m as { content?: unknown } | null)?.content;
      return typeof content === 'string' ? content : JSON.stringify(content ?? '');
    })
    .join('\n');
}

function chatCompletion(
  reply: Extract<FakeReply, { json: unknown } | { content: string } | { refusal: string }>,
  body: Record<string, unknown>,
  model: string,
  requestId: string,
): unknown {
  const content = 'json' in reply ? (JSON.stringify(reply.json) ?? 'null') : 'content' in reply ? reply.content : null;
  const refusal = 'refusal' in reply ? reply.refusal : null;
  const promptTokens = roughTokens(promptText(body));
  const completionTokens = roughTokens(content ?? refusal ?? '');
  return {
    id: `chatcmpl-${requestId}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal, annotations: [] },
        finish_reason: 'stop',
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    system_fingerprint: 'fp_fake',
  };
}

/** A deterministic unit-length vector from a hash of the input; every value is float32-exact, so base64 and float encodings agree. */
export function fakeEmbedding(input: unknown, dims = DEFAULT_EMBEDDING_DIMS): number[] {
  const text = typeof input === 'string' ? input : JSON.stringify(input);
  const values: number[] = [];
  let block = 0;
  while (values.length < dims) {
    const digest = createHash('sha256').update(`${block++}\u0000${text}`).digest();
    for (let i = 0; i + 1 < digest.length && values.length < dims; i += 2) {
      values.push((digest.readUInt16BE(i) / 65535) * 2 - 1);
    }
  }
  const norm = Math.sqrt(values.reduce((sum, v) => sum + v * v, 0)) || 1;
  return values.map((v) => Math.fround(v / norm));
}

function embeddingResponse(body: Record<string, unknown>, model: string): unknown {
  const rawInput = body['input'];
  // A list of strings, or a list of token arrays, is a batch; a single string or a single token array is one input.
  const inputs: unknown[] =
    Array.isArray(rawInput) && rawInput.length > 0 && rawInput.every((x) => typeof x === 'string' || Array.isArray(x))
      ? rawInput
      : [rawInput ?? ''];
  const requested = body['dimensions'];
  const dims = typeof requested === 'number' && Number.isInteger(requested) && requested > 0 ? requested : DEFAULT_EMBEDDING_DIMS;
  const base64 = body['encoding_format'] === 'base64';
  let promptTokens = 0;
  const data = inputs.map((input, index) => {
    const vector = fakeEmbedding(input, dims);
    promptTokens += roughTokens(typeof input === 'string' ? input : JSON.stringify(input));
    return {
      object: 'embedding',
      index,
      embedding: base64 ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector,
    };
  });
  return { object: 'list', data, model, usage: { prompt_tokens: promptTokens, total_tokens: promptTokens } };
}
