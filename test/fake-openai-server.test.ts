import { createHook } from 'node:async_hooks';
import { AzureChatOpenAI, ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, AuthenticationError, BadRequestError, InternalServerError, RateLimitError } from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeEmbedding, LONGER_THAN_ANY_TEST_MS, startFakeOpenAi, type FakeOpenAi } from './support/fake-openai-server.js';

let fake: FakeOpenAi;
beforeEach(async () => {
  fake = await startFakeOpenAi();
});
afterEach(async () => {
  await fake.close();
});

const client = (extra: Partial<ConstructorParameters<typeof OpenAI>[0]> = {}): OpenAI =>
  new OpenAI({ apiKey: 'test', baseURL: fake.url, maxRetries: 0, ...extra });
const ask = (openai: OpenAI, text = 'Hello') =>
  openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });

describe('fake OpenAI server with the real openai SDK', () => {
  it('returns the scripted JSON as message.content, with usage, and echoes the model', async () => {
    fake.chat({ json: { verdict: 'ok', score: 3 } });
    const completion = await ask(client(), 'Please review this draft.');
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe('gpt-4o-mini');
    const choice = completion.choices[0];
    expect(choice?.message.role).toBe('assistant');
    expect(JSON.parse(choice?.message.content ?? '')).toEqual({ verdict: 'ok', score: 3 });
    expect(choice?.message.refusal).toBeNull();
    expect(choice?.finish_reason).toBe('stop');
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(completion.usage?.completion_tokens).toBeGreaterThan(0);
    expect(completion.usage?.total_tokens).toBe((completion.usage?.prompt_tokens ?? 0) + (completion.usage?.completion_tokens ?? 0));
  });

  it('consumes scripted replies in order: content as given, then the 500 fallback when the queue is empty', async () => {
    fake.chat({ content: 'not json at all' }, { json: [1, 2] });
    const openai = client();
    expect((await ask(openai)).choices[0]?.message.content).toBe('not json at all');
    expect((await ask(openai)).choices[0]?.message.content).toBe('[1,2]');
    await expect(ask(openai)).rejects.toBeInstanceOf(InternalServerError);
  });

  it('429 surfaces as RateLimitError (with its headers), 500 and 503 as InternalServerError, in OpenAI error shape', async () => {
    fake.chat({ status: 429, headers: { 'retry-after': '7' } }, { status: 500 }, { status: 503, body: { error: { message: 'overloaded', type: 'server_error', code: null } } });
    const openai = client();
    const rateLimited = await ask(openai).catch((e: unknown) => e);
    expect(rateLimited).toBeInstanceOf(RateLimitError);
    expect((rateLimited as RateLimitError).status).toBe(429);
    expect((rateLimited as RateLimitError).headers.get('retry-after')).toBe('7');
    expect((rateLimited as RateLimitError).code).toBe('rate_limit_exceeded');
    const serverError = await ask(openai).catch((e: unknown) => e);
    expect(serverError).toBeInstanceOf(InternalServerError);
    expect((serverError as InternalServerError).status).toBe(500);
    const unavailable = await ask(openai).catch((e: unknown) => e);
    expect(unavailable).toBeInstanceOf(InternalServerError);
    expect((unavailable as InternalServerError).status).toBe(503);
    expect((unavailable as InternalServerError).message).toMatch(/overloaded/);
  });

  it('a refusal shows in choices[0].message.refusal with content null', async () => {
    fake.chat({ refusal: "I can't help with that." });
    const completion = await ask(client());
    expect(completion.choices[0]?.message.refusal).toBe("I can't help with that.");
    expect(completion.choices[0]?.message.content).toBeNull();
  });

  it('a delayed reply trips the SDK timeout quickly, and the server drops its timer when the client goes', async () => {
    // Track every timer created while the request is in flight; after the abort, none may stay armed.
    const armed = new Map<number, { hasRef(): boolean }>();
    const hook = createHook({
      init(id, type, _trigger, resource) {
        if (type === 'Timeout') armed.set(id, resource as { hasRef(): boolean });
      },
      destroy(id) {
        armed.delete(id);
      },
    }).enable();
    let created: number[] = [];
    try {
      // The reply would come after the test has ended: the call returning at all is the client's 200-ms timeout.
      fake.chat({ delayMs: LONGER_THAN_ANY_TEST_MS, then: { json: { late: true } } });
      const error = await ask(client({ timeout: 200 })).catch((e: unknown) => e);
      created = [...armed.keys()];
      expect(error).toBeInstanceOf(APIConnectionTimeoutError);
      const stillArmed = (): number[] => created.filter((id) => armed.get(id)?.hasRef());
      for (let i = 0; i < 100 && stillArmed().length > 0; i++) await new Promise((r) => setTimeout(r, 10));
      expect(created.length).toBeGreaterThan(0);
      expect(stillArmed()).toEqual([]);
    } finally {
      hook.disable();
    }
    await fake.close();
    fake = await startFakeOpenAi(); // for afterEach
  });

  it('close() resolves promptly while a delayed reply is still pending, and the client sees a connection error', async () => {
    // A close() that waited for the delayed reply would outlast the test; resolving at all is resolving promptly.
    fake.chat({ delayMs: LONGER_THAN_ANY_TEST_MS, then: { json: {} } });
    const pending = ask(client()).catch((e: unknown) => e);
    while (fake.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    await fake.close();
    expect(await pending).toBeInstanceOf(APIConnectionError);
    fake = await startFakeOpenAi(); // for afterEach
  });

  it('a short delay then answers normally', async () => {
    fake.chat({ delayMs: 50, then: { json: { ok: true } } });
    const completion = await ask(client());
    expect(JSON.parse(completion.choices[0]?.message.content ?? '')).toEqual({ ok: true });
  });

  it('records requests (path, headers, body.messages) for assertions', async () => {
    fake.chat({ json: {} });
    await client().chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'You review drafts.' },
        { role: 'user', content: 'Not my department.' },
      ],
      temperature: 0,
    });
    expect(fake.requests).toHaveLength(1);
    const [recorded] = fake.requests;
    expect(recorded?.path).toBe('/v1/chat/completions');
    expect(recorded?.headers['authorization']).toBe('Bearer test');
    expect(recorded?.body.model).toBe('gpt-4o-mini');
    expect(recorded?.body.temperature).toBe(0);
    expect(recorded?.body.messages).toEqual([
      { role: 'system', content: 'You review drafts.' },
      { role: 'user', content: 'Not my department.' },
    ]);
    fake.reset();
    expect(fake.requests).toHaveLength(0);
  });

  it('onChat decides per request from the parsed body', async () => {
    fake.onChat((req) => ({ json: { echoed: req.body.messages.at(-1).content } }));
    const completion = await ask(client(), 'hei maailma');
    expect(JSON.parse(completion.choices[0]?.message.content ?? '')).toEqual({ echoed: 'hei maailma' });
  });

  it('stream:true gets a clear 400; a missing bearer token gets 401 in OpenAI error shape', async () => {
    const streamError = await client()
      .chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }], stream: true })
      .catch((e: unknown) => e);
    expect(streamError).toBeInstanceOf(BadRequestError);
    expect((streamError as BadRequestError).message).toMatch(/stream:true is not supported/);

    const res = await fetch(`${fake.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: [] }),
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { message: string; type: string; code: string } };
    expect(body.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_api_key' });
    expect(body.error.message).toMatch(/API key/);

    const openai = new OpenAI({ apiKey: 'unused', baseURL: fake.url, maxRetries: 0, defaultHeaders: { authorization: null } });
    await expect(ask(openai)).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('a malformed body rejects (SyntaxError from the SDK) rather than hanging', async () => {
    fake.chat({ malformedBody: true });
    const error = await ask(client()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyntaxError); // the SDK surfaces JSON.parse's error as-is
  });

  it('SDK embeddings (default base64 encoding and explicit float) agree and are deterministic', async () => {
    const openai = client();
    const viaBase64 = await openai.embeddings.create({ model: 'text-embedding-3-small', input: ['alpha', 'beta'] });
    const viaFloat = await openai.embeddings.create({ model: 'text-embedding-3-small', input: ['alpha', 'beta'], encoding_format: 'float' });
    expect(viaBase64.object).toBe('list');
    expect(viaBase64.model).toBe('text-embedding-3-small');
    expect(viaBase64.data.map((d) => d.index)).toEqual([0, 1]);
    expect(viaBase64.data[0]?.embedding).toHaveLength(16);
    expect(viaBase64.data.map((d) => d.embedding)).toEqual(viaFloat.data.map((d) => d.embedding));
    expect(viaBase64.data[0]?.embedding).toEqual(fakeEmbedding('alpha'));
    expect(viaBase64.usage.prompt_tokens).toBeGreaterThan(0);

    fake.embeddings({ status: 429 });
    await expect(openai.embeddings.create({ model: 'text-embedding-3-small', input: 'x' })).rejects.toBeInstanceOf(RateLimitError);
  });
});

describe('fake OpenAI server with LangChain', () => {
  it('ChatOpenAI.invoke returns the scripted content', async () => {
    fake.chat({ json: { verdict: 'ok' } });
    const model = new ChatOpenAI({ model: 'gpt-4o-mini', apiKey: 'test', configuration: { baseURL: fake.url }, maxRetries: 0 });
    const message = await model.invoke([{ role: 'user', content: 'Review: not my department.' }]);
    expect(JSON.parse(message.content as string)).toEqual({ verdict: 'ok' });
    expect(message.usage_metadata?.total_tokens).toBeGreaterThan(0);
    expect(fake.requests[0]?.path).toBe('/v1/chat/completions');
    expect(fake.requests[0]?.body.messages).toEqual([{ role: 'user', content: 'Review: not my department.' }]);
  });

  it('AzureChatOpenAI goes to the deployment path with api-key and api-version', async () => {
    fake.chat({ json: { verdict: 'azure' } });
    const model = new AzureChatOpenAI({
      azureOpenAIApiKey: 'azure-test-key',
      azureOpenAIEndpoint: fake.azureEndpoint,
      azureOpenAIApiDeploymentName: 'warmline-gpt4o',
      azureOpenAIApiVersion: '2024-10-21',
      maxRetries: 0,
    });
    const message = await model.invoke('Hello');
    expect(JSON.parse(message.content as string)).toEqual({ verdict: 'azure' });
    const [recorded] = fake.requests;
    expect(recorded?.path).toBe('/openai/deployments/warmline-gpt4o/chat/completions');
    expect(recorded?.query['api-version']).toBe('2024-10-21');
    expect(recorded?.headers['api-key']).toBe('azure-test-key');
  });

  it('Azure without api-version gets 400 and without api-key gets 401', async () => {
    const base = `${fake.azureEndpoint}/openai/deployments/d1/chat/completions`;
    const init = (headers: Record<string, string>): RequestInit => ({
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'x' }] }),
    });
    expect((await fetch(base, init({ 'api-key': 'k' }))).status).toBe(400);
    const unauthorised = await fetch(`${base}?api-version=2024-10-21`, init({}));
    expect(unauthorised.status).toBe(401);
    expect(((await unauthorised.json()) as { error: { code: string } }).error.code).toBe('invalid_api_key');
    fake.chat({ content: 'ok' });
    const ok = await fetch(`${base}?api-version=2024-10-21`, init({ 'api-key': 'k' }));
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { model: string }).model).toBe('d1'); // no body.model: the deployment is echoed
  });

  it('OpenAIEmbeddings returns deterministic 16-dim vectors', async () => {
    const embeddings = new OpenAIEmbeddings({ model: 'text-embedding-3-small', apiKey: 'test', configuration: { baseURL: fake.url }, maxRetries: 0 });
    const first = await embeddings.embedQuery('Not my department.');
    const again = await embeddings.embedQuery('Not my department.');
    const docs = await embeddings.embedDocuments(['Not my department.', 'Something else']);
    expect(first).toHaveLength(16);
    expect(again).toEqual(first);
    expect(docs[0]).toEqual(first);
    expect(docs[1]).not.toEqual(first);
    expect(first).toEqual(fakeEmbedding('Not my department.'));
    expect(fake.requests.every((r) => r.path === '/v1/embeddings')).toBe(true);
  });
});
