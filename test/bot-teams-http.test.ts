import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, postActivity } from './support/bot-server.js';
import { startConnectorStub, type ConnectorStub } from './support/connector-stub.js';
import { validateAdaptiveCard } from './support/adaptive-card-schema.js';
import type { WarmlineServer } from '../src/channels/botframework/create-server.js';

// Real Teams payloads (../shared/external/teams-activities) posted to /api/messages, answered field by field
// as the Teams messaging-extension docs describe. Replies go to a loopback connector stub, never to Teams.
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const payload = (name: string): Json => JSON.parse(readFileSync(new URL(`../../shared/external/teams-activities/${name}`, import.meta.url), 'utf8')) as Json;
const CARD = 'application/vnd.microsoft.card.adaptive';

let stub: ConnectorStub;
let app: WarmlineServer;
let url: string;

function teams(name: string, patch: Json = {}): Json {
  return { ...payload(name), serviceUrl: stub.url, ...patch };
}
const cardsOf = (activities: Json[]) => activities.flatMap((a) => (a.attachments ?? []).filter((x: Json) => x.contentType === CARD).map((x: Json) => x.content));

beforeAll(async () => {
  stub = await startConnectorStub();
  ({ app, url } = await startBot());
});
afterAll(async () => {
  await app.close();
  await stub.close();
});

describe('health', () => {
  it('GET /readyz is ready while serving', async () => {
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  });

  it('GET /healthz says the engine is loaded, the mode and the version', async () => {
    const res = await fetch(`${url}/healthz`);
    expect(await res.json()).toMatchObject({ status: 'ok', engine: 'loaded', mode: 'offline', version: expect.any(String) });
  });
});

describe('personal and channel messages', () => {
  it('reviews a draft in a personal chat with a valid Adaptive Card 1.5', async () => {
    const { status, body } = await postActivity(url, teams('message-personal.json', { text: "Sorry, that's not my department. Call back later.", deliveryMode: 'expectReplies' }));
    expect(status).toBe(200);
    const cards = cardsOf((body as Json).activities);
    expect(cards).toHaveLength(1);
    expect(validateAdaptiveCard(cards[0])).toEqual([]);
    const json = JSON.stringify(cards[0]);
    expect(json).toContain('not my department');
    expect(json).toContain('"action":"use"');
  });

  it('strips the @mention in a channel and still answers', async () => {
    const { body } = await postActivity(url, teams('message-channel-mention.json', { deliveryMode: 'expectReplies' }));
    const activities = (body as Json).activities as Json[];
    expect(activities.length).toBeGreaterThan(0);
    expect(JSON.stringify(activities)).not.toContain('<at>');
  });

  it('answers a bare card submit with the review form instead of an error', async () => {
    const { body } = await postActivity(url, teams('message-cardSubmit-channel.json', { deliveryMode: 'expectReplies' }));
    const cards = cardsOf((body as Json).activities);
    expect(cards[0].body.some((e: Json) => e.type === 'Input.Text' && e.id === 'draft')).toBe(true);
  });

  it('posts replies to the connector in normal delivery', async () => {
    const before = stub.posted.length;
    const { status } = await postActivity(url, teams('message-personal.json', { text: 'help' }));
    expect(status).toBe(200);
    expect(stub.posted.length).toBe(before + 1);
    expect(String(stub.posted.at(-1)!.body.text)).toMatch(/guidance/);
  });
});

describe('conversationUpdate', () => {
  it('welcomes when the bot is added to a team', async () => {
    const before = stub.posted.length;
    const { status } = await postActivity(url, teams('conversationUpdate-botAddedToTeam.docs.json'));
    expect(status).toBe(200);
    expect(stub.posted.length).toBeGreaterThan(before);
  });
  it('does not greet every member who joins a team later', async () => {
    const before = stub.posted.length;
    await postActivity(url, teams('conversationUpdate-teamMemberAdded.json'));
    expect(stub.posted.length).toBe(before);
  });
});

describe('compose-box message extension', () => {
  it('fetchTask opens a task module with the review form', async () => {
    const { status, body } = await postActivity(url, teams('composeExtension-fetchTask.json'));
    expect(status).toBe(200);
    const task = (body as Json).task;
    expect(task.type).toBe('continue');
    expect(task.value.title).toEqual(expect.any(String));
    expect(task.value.card.contentType).toBe(CARD);
    expect(validateAdaptiveCard(task.value.card.content)).toEqual([]);
    expect(task.value.card.content.body.map((e: Json) => e.id).filter(Boolean)).toEqual(['draft', 'customer']);
  });

  it('fetchTask from a message menu prefills the customer message from the message', async () => {
    const { body } = await postActivity(
      url,
      teams('composeExtension-fetchTask.json', {
        value: { commandId: 'reviewDraft', commandContext: 'message', messagePayload: { body: { contentType: 'html', content: '<p>My order <b>4471-2231</b> arrived broken&nbsp;!</p>' } } },
      }),
    );
    const customer = (body as Json).task.value.card.content.body.find((e: Json) => e.id === 'customer');
    expect(customer.value).toBe('My order 4471-2231 arrived broken !');
  });

  it('submitAction with a draft answers with the review and a choice of replies', async () => {
    const { body } = await postActivity(url, teams('composeExtension-submitAction.json', { value: { commandId: 'reviewDraft', data: { draft: 'Ei kuulu meille, soita myöhemmin.', customer: 'Laskussa on virhe.' } } }));
    const task = (body as Json).task;
    expect(task.type).toBe('continue');
    const card = task.value.card.content;
    expect(validateAdaptiveCard(card)).toEqual([]);
    const choice = card.body.find((e: Json) => e.type === 'Input.ChoiceSet');
    expect(choice.choices.length).toBeGreaterThanOrEqual(3);
    expect(choice.choices.at(-1).value).toBe('Ei kuulu meille, soita myöhemmin.');
    // The review's id travels with the preview, so the choice is counted against the review (issue 10).
    expect(card.actions[0].data).toEqual({ action: 'preview', customer: 'Laskussa on virhe.', review: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('the recorded submitAction without a draft gets the form back, not an error', async () => {
    const { status, body } = await postActivity(url, teams('composeExtension-submitAction.json'));
    expect(status).toBe(200);
    expect((body as Json).task.type).toBe('continue');
  });

  it('preview answers with botMessagePreview of exactly the chosen text', async () => {
    const chosen = 'Kiitos viestistä! Selvitän asian ja palaan huomenna klo 12 mennessä.';
    const { body } = await postActivity(url, teams('composeExtension-submitAction.json', { value: { commandId: 'reviewDraft', data: { action: 'preview', choice: chosen } } }));
    const ext = (body as Json).composeExtension;
    expect(ext.type).toBe('botMessagePreview');
    expect(ext.activityPreview.type).toBe('message');
    const card = ext.activityPreview.attachments[0].content;
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(card.body[0].text).toBe(chosen);
  });

  it('botMessagePreview edit reopens the form with the previewed text', async () => {
    const edit = teams('composeExtension-submitAction-botMessagePreview-edit.ASSEMBLED.json');
    const previewText = edit.value.botActivityPreview[0].attachments[0].content.body[0].text as string;
    const { body } = await postActivity(url, edit);
    const draft = (body as Json).task.value.card.content.body.find((e: Json) => e.id === 'draft');
    expect(draft.value).toBe(previewText);
  });

  it('botMessagePreview send posts the previewed card, and only then', async () => {
    const before = stub.posted.length;
    const send = teams('composeExtension-submitAction-botMessagePreview-send.json');
    const { status } = await postActivity(url, send);
    expect(status).toBe(200);
    expect(stub.posted.length).toBe(before + 1);
    expect(stub.posted.at(-1)!.body.attachments).toEqual(send.value.botActivityPreview[0].attachments);
  });

  it('a search query (not a Warmline command) gets a message, not a 501', async () => {
    const { status, body } = await postActivity(url, teams('composeExtension-query.json'));
    expect(status).toBe(200);
    expect((body as Json).composeExtension.type).toBe('message');
  });

  it('an Action.Execute invoke gets a polite 200: a message (a string value) saying what Warmline does', async () => {
    const { status, body } = await postActivity(url, teams('adaptiveCard-action.ASSEMBLED.json'));
    expect(status).toBe(200);
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect((body as Json).value).toEqual(expect.stringContaining('Paste a draft'));
  });
});

// Issue 8, Teams details: what Teams may send gets a sensible answer, never 501 with an empty body.
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
