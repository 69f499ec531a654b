import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postActivity, startBot } from './support/bot-server.js';
import { startConnectorStub, type ConnectorStub } from './support/connector-stub.js';
import type { WarmlineServer } from '../src/channels/botframework/create-server.js';

// Issue 8, Teams details: what Teams may send gets a sensible answer, never 501 with an empty body.
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const payload = (name: string): Json => JSON.parse(readFileSync(new URL(`../../shared/external/teams-activities/${name}`, import.meta.url), 'utf8')) as Json;
let stub: ConnectorStub;
let app: WarmlineServer;
let url: string;
const teams = (name: string, patch: Json = {}): Json => ({ ...payload(name), serviceUrl: stub.url, ...patch });

beforeAll(async () => {
  stub = await startConnectorStub();
  ({ app, url } = await startBot());
});
afterAll(async () => {
  await app.close();
  await stub.close();
});

describe('Teams invokes Warmline does not declare', () => {
  it('composeExtension/queryLink: an empty result, not a 501', async () => {
    const { status, body } = await postActivity(url, teams('composeExtension-queryLink.json'));
    expect(status).toBe(200);
    expect((body as Json).composeExtension).toEqual({ type: 'result', attachmentLayout: 'list', attachments: [] });
  });

  it('task/fetch: the review form', async () => {
    const { status, body } = await postActivity(url, teams('task-fetch.json'));
    expect(status).toBe(200);
    expect(JSON.stringify(body)).toContain('"id":"draft"');
  });

  it('task/submit with a draft: the review; with anything else: the form again', async () => {
    const reviewed = await postActivity(url, teams('task-submit.json', { value: { data: { draft: "Sorry, that's not my department." } } }));
    expect(reviewed.status).toBe(200);
    expect(JSON.stringify(reviewed.body)).toContain('not my department');
    const recorded = await postActivity(url, teams('task-submit.json'));
    expect(recorded.status).toBe(200);
    expect(JSON.stringify(recorded.body)).toContain('"id":"draft"');
  });
});

describe('the welcome in a team channel', () => {
  it('is one message when the bot is added to a team', async () => {
    const before = stub.posted.length;
    await postActivity(url, teams('conversationUpdate-botAddedToTeam.docs.json'));
    expect(stub.posted.length).toBe(before + 1);
  });
});
