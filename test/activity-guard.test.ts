import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { checkActivityRequest } from '../src/channels/botframework/activity-guard.js';
import { postActivity, startBot } from './support/bot-server.js';
import type { WarmlineServer } from '../src/channels/botframework/create-server.js';

// Forged tokens and malformed activities: 401 and 400 with a plain body, never 500, no internal text, and no
// outbound call (the guard answers before the adapter would fetch Bot Framework's signing keys).
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const APP_ID = '2f1c1a3e-6c1d-4e57-9b5a-0a4c3c1e9d11';
const activity = { ...(JSON.parse(readFileSync(new URL('../../shared/external/teams-activities/message-personal.json', import.meta.url), 'utf8')) as Json), serviceUrl: 'http://127.0.0.1:9/' };
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const now = Math.floor(Date.now() / 1000);
const claims = { iss: 'https://api.botframework.com', aud: APP_ID, exp: now + 600, nbf: now - 60 };
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const rs256 = (header: Json, payload: Json) => {
  const head = `${b64(header)}.${b64(payload)}`;
  return `${head}.${sign('sha256', Buffer.from(head), privateKey).toString('base64url')}`;
};

describe('checkActivityRequest', () => {
  const config = { MicrosoftAppId: APP_ID };
  it.each([
    ['no token', undefined],
    ['not a JWT', 'Bearer hello'],
    ['alg none', `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`],
    ['HS256', `Bearer ${b64({ alg: 'HS256', typ: 'JWT', kid: 'k' })}.${b64(claims)}.c2ln`],
    ['expired', `Bearer ${rs256({ alg: 'RS256', kid: 'k' }, { ...claims, exp: now - 3600 })}`],
    ['another audience', `Bearer ${rs256({ alg: 'RS256', kid: 'k' }, { ...claims, aud: 'someone-else' })}`],
    ['an issuer Bot Framework never uses', `Bearer ${rs256({ alg: 'RS256', kid: 'k' }, { ...claims, iss: 'https://evil.example' })}`],
  ])('%s: 401', (_name, authorization) => {
    expect(checkActivityRequest(activity, authorization, config)).toEqual({ ok: false, status: 401, error: 'Unauthorized.' });
  });
  it('a well-formed RS256 token for this bot goes on to the adapter for full validation', () => {
    expect(checkActivityRequest(activity, `Bearer ${rs256({ alg: 'RS256', kid: 'k' }, claims)}`, config)).toEqual({ ok: true });
  });
  it.each([
    ['{}', {}],
    ['an array', []],
    ['no type', { text: 'hi', serviceUrl: 'http://127.0.0.1:9/' }],
    ['a message with no serviceUrl', { type: 'message', text: 'hi' }],
  ])('%s: 400', (_name, body) => {
    expect(checkActivityRequest(body, undefined, { MicrosoftAppId: '' }).ok).toBe(false);
    expect(checkActivityRequest(body, undefined, { MicrosoftAppId: '' })).toMatchObject({ status: 400 });
  });
  it('an invoke or an expectReplies turn needs no serviceUrl', () => {
    expect(checkActivityRequest({ type: 'invoke', name: 'task/fetch' }, undefined, { MicrosoftAppId: '' })).toEqual({ ok: true });
    expect(checkActivityRequest({ type: 'message', text: 'hi', deliveryMode: 'expectReplies' }, undefined, { MicrosoftAppId: '' })).toEqual({ ok: true });
  });
});

describe('/api/messages with an app id set', () => {
  let app: WarmlineServer | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  it('forged tokens get 401 with a plain body; malformed activities 400; never 500, never internal text', async () => {
    const started = await startBot({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret' });
    app = started.app;
    for (const token of [`${b64({ alg: 'none' })}.${b64(claims)}.`, rs256({ alg: 'RS256', kid: 'k' }, { ...claims, exp: now - 3600 })]) {
      const { status, body } = await postActivity(started.url, activity, { Authorization: `Bearer ${token}` });
      expect(status).toBe(401);
      expect(body).toEqual({ error: 'Unauthorized.' });
    }
    for (const bad of [{}, { text: 'no type' }]) {
      const { status, body } = await postActivity(started.url, bad);
      expect(status).toBe(400);
      expect(JSON.stringify(body)).not.toMatch(/http|stack|at /);
    }
  });
});
