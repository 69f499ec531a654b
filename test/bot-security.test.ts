import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { postActivity, startBot } from './support/bot-server.js';
import type { WarmlineServer } from '../src/channels/botframework/create-server.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const payload = (name: string): Json => JSON.parse(readFileSync(new URL(`../../shared/external/teams-activities/${name}`, import.meta.url), 'utf8')) as Json;
let app: WarmlineServer | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('security baseline', () => {
  it('with MicrosoftAppId set, a request without a Bot Framework token gets 401', async () => {
    const started = await startBot({ MicrosoftAppId: '2f1c1a3e-6c1d-4e57-9b5a-0a4c3c1e9d11', MicrosoftAppPassword: 'not-a-real-secret' });
    app = started.app;
    const { status } = await postActivity(started.url, { ...payload('message-personal.json'), serviceUrl: 'http://127.0.0.1:9/' });
    expect(status).toBe(401);
  });

  it('ALLOWED_TENANTS refuses a compose-box invoke from another tenant with a readable message', async () => {
    const started = await startBot({ ALLOWED_TENANTS: '11111111-2222-3333-4444-555555555555, 66666666-7777-8888-9999-000000000000' });
    app = started.app;
    const { status, body } = await postActivity(started.url, { ...payload('composeExtension-fetchTask.json'), serviceUrl: 'http://127.0.0.1:9/' });
    expect(status).toBe(200);
    expect((body as Json).task).toEqual({ type: 'message', value: "Warmline isn't enabled for your organisation." });
  });

  it('a draft over MAX_DRAFT_CHARS gets a clear message, not a crash', async () => {
    const started = await startBot({ MAX_DRAFT_CHARS: '200' });
    app = started.app;
    const { status, body } = await postActivity(started.url, {
      ...payload('message-personal.json'),
      serviceUrl: 'http://127.0.0.1:9/',
      deliveryMode: 'expectReplies',
      text: 'Not my department. '.repeat(20),
    });
    expect(status).toBe(200);
    expect((body as Json).activities[0].text).toMatch(/limit is 200 characters/);
  });

  it('malformed JSON gets a 4xx, not a crash', async () => {
    const started = await startBot();
    app = started.app;
    const res = await fetch(`${started.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type": "message", ' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const health = await fetch(`${started.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('a bad setting fails at start-up with its name', async () => {
    await expect(startBot({ MAX_DRAFT_CHARS: 'lots' })).rejects.toThrow(/MAX_DRAFT_CHARS/);
    await expect(startBot({ STORAGE: 'redis' })).rejects.toThrow(/STORAGE: /);
  });
});
