import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWarmlineServer, type WarmlineServer } from '../src/channels/botframework/create-server.js';
import { loadConfig } from '../src/config/app-config.js';
import { createLogger } from '../src/config/logger.js';
import { LONGER_THAN_ANY_TEST_MS, startFakeOpenAi, type FakeOpenAi } from './support/fake-openai-server.js';
import { byTask, llmFor } from './support/llm-fixture.js';
import { postActivity } from './support/bot-server.js';
import { converse } from './support/conversation.js';
import { testKnowledgeBase } from './kb-fixture.js';
import { ConversationState, MemoryStorage, TestAdapter, UserState } from 'botbuilder';
import { Assistant } from '../src/assistant/assistant.js';
import { WarmlineBot } from '../src/channels/botframework/warmline-bot.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const kb = await testKnowledgeBase();
const LLM_WARMER = "Hello, thanks for telling me. I'll pass this to our billing team myself and email you by [time you can keep].";
const answers = {
  review: { json: { findings: [] } },
  rewrite: { json: { suggestions: [{ style: 'warmer', text: LLM_WARMER }] } },
  'next-step': { json: { text: "I'll email you by [time you can keep].", action: 'email the customer', when: '[time you can keep]' } },
};

let fake: FakeOpenAi;
let app: WarmlineServer | undefined;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(async () => fake.close());
beforeEach(async () => {
  fake.reset();
  await app?.close();
  app = undefined;
});

async function start(env: Record<string, string>) {
  app = createWarmlineServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', STORAGE: 'memory' }), createLogger('silent'), kb, llmFor(fake, kb, env));
  return app.listen();
}

describe('bot in LLM mode', () => {
  it('/healthz says llm mode and the model', async () => {
    const url = await start({});
    expect(await (await fetch(`${url}/healthz`)).json()).toMatchObject({ mode: 'llm', llm: { provider: 'openai-compatible', model: 'gpt-4o-mini' } });
  });

  it('compose box: a slow model still answers within the invoke budget with the offline review', async () => {
    // The model's reply would come after the test has ended: the invoke answering at all is the budget at work,
    // with no wall-clock bound for a busy machine to break.
    fake.onChat(() => ({ delayMs: LONGER_THAN_ANY_TEST_MS, then: { json: {} } }));
    const url = await start({ LLM_INVOKE_BUDGET_MS: '600' });
    const invoke = JSON.parse(readFileSync(new URL('../../shared/external/teams-activities/composeExtension-submitAction.json', import.meta.url), 'utf8')) as Json;
    const { status, body } = await postActivity(url, { ...invoke, serviceUrl: 'http://127.0.0.1:9/', value: { commandId: 'reviewDraft', data: { draft: "That's not my department." } } });
    expect(status).toBe(200);
    expect(JSON.stringify((body as Json).task.value.card.content)).toContain('not my department');
  });

  it('compose box: a fast model puts its checked rewrite among the choices', async () => {
    fake.onChat(byTask(answers));
    const url = await start({});
    const invoke = JSON.parse(readFileSync(new URL('../../shared/external/teams-activities/composeExtension-submitAction.json', import.meta.url), 'utf8')) as Json;
    const { body } = await postActivity(url, { ...invoke, serviceUrl: 'http://127.0.0.1:9/', value: { commandId: 'reviewDraft', data: { draft: "That's not my department." } } });
    const choice = (body as Json).task.value.card.content.body.find((e: Json) => e.type === 'Input.ChoiceSet');
    expect(choice.choices.map((c: Json) => c.value)).toContain(LLM_WARMER);
  });

  it('web chat: the offline card goes out at the chat budget, and the card is updated when the model finishes late', async () => {
    fake.onChat((req) => ({ delayMs: 900, then: byTask(answers)(req) }));
    const url = await start({ LLM_CHAT_BUDGET_MS: '500', LLM_LATE_UPDATE_MS: '6000' });
    const dl = `${url}/v3/directline`;
    const conv = (await (await fetch(`${dl}/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as Json;
    const auth = { authorization: `Bearer ${conv.token}`, 'content-type': 'application/json' };
    await fetch(`${dl}/conversations/${conv.conversationId}/activities`, { method: 'POST', headers: auth, body: JSON.stringify({ type: 'message', from: { id: 'u1' }, text: "That's not my department." }) });
    const poll = async (watermark: string) => (await (await fetch(`${dl}/conversations/${conv.conversationId}/activities?watermark=${watermark}`, { headers: auth })).json()) as { activities: Json[]; watermark: string };
    const cardOf = (a: Json) => JSON.stringify(a.attachments?.[0]?.content ?? '');
    let page = await poll('');
    const first = page.activities.find((a) => a.from?.role === 'bot' && cardOf(a).includes('What might hurt'));
    expect(first, 'the offline card is there at once').toBeDefined();
    // No wall-clock bound: that this card lacks the model's rewrite shows it went out before the model finished.
    expect(cardOf(first!)).not.toContain(LLM_WARMER);
    // Polled until it comes, however busy the machine (the bot waits up to LLM_LATE_UPDATE_MS for the model);
    // vitest's testTimeout ends a wait for an update that never comes.
    let updated: Json | undefined;
    while (!updated) {
      await new Promise((r) => setTimeout(r, 150));
      page = await poll(page.watermark);
      updated = page.activities.find((a) => a.id === first!.id);
    }
    expect(cardOf(updated), 'the same card, delivered again with the LLM rewrite').toContain(LLM_WARMER);
  });
});

describe('supervisors and trainees with the model', () => {
  async function bot(env: Record<string, string> = {}) {
    const storage = new MemoryStorage();
    const llm = llmFor(fake, kb, env);
    const warmline = new WarmlineBot({ assistant: new Assistant({ kb, maxDraft: 8000, llm }), conversationState: new ConversationState(storage), userState: new UserState(storage), logger: createLogger('silent'), allowedTenants: [] });
    return new TestAdapter(async (c) => warmline.run(c), { locale: 'pl-PL', channelId: 'msteams' });
  }

  it('guidance answers in the asker\'s language, citing guideline ids and verbatim passages', async () => {
    fake.onChat(byTask({ 'guidance-answer': { json: { covered: true, answer: 'Nie przełączaj klienta bez jego zgody i podaj numer.', citations: [
      { guideline: 'transfer-runaround-blind-transfer', quote: 'Jeśli przełączasz klienta - najpierw zapytaj o zgodę a potem podaj numer' },
      { guideline: 'transfer-runaround-blind-transfer', quote: 'an invented quotation' },
    ] } } }));
    const [reply] = await converse(await bot(), [['wytyczne przełączanie klienta do innego działu', /Nie przełączaj klienta bez jego zgody/]]);
    const json = JSON.stringify(reply!.attachments);
    expect(json).toContain('Jeśli przełączasz klienta - najpierw zapytaj o zgodę a potem podaj numer');
    expect(json).not.toContain('an invented quotation');
  });

  it('says so when the knowledge base does not cover the question', async () => {
    fake.onChat(byTask({ 'guidance-answer': { json: { covered: false, answer: 'Wytyczne nie obejmują tego pytania.', citations: [] } } }));
    await converse(await bot(), [['wytyczne jak ustawić drukarkę', /Wytyczne nie obejmują tego pytania/]]);
  });

  it('coaching uses the model\'s examples that pass the rules and drops the ones that do not', async () => {
    fake.onChat(byTask({ 'trainee-coaching': { json: { examples: ['Sprawdzę to i odpiszę Panu [kiedy].', 'To nie mój dział.'], avoid: [], guidelines: [] } } }));
    const [reply] = await converse(await bot(), [['co powiedzieć gdy nie znam odpowiedzi', /Sprawdzę to i odpiszę Panu/]]);
    expect(JSON.stringify(reply!.attachments)).not.toContain('To nie mój dział.');
  });

  it('practice: the model plays the customer; without it (500) the scenario text is used', async () => {
    fake.onChat(byTask({ 'practice-customer': { json: { message: 'Dzień dobry, dzwonię już trzeci raz w tej sprawie i nikt mi nie pomógł!' } } }));
    await converse(await bot(), [['ćwicz', /Ćwiczenie/, /dzwonię już trzeci raz w tej sprawie i nikt mi nie pomógł/]]);
    fake.reset();
    fake.onChat(() => ({ status: 500 }));
    await converse(await bot({ LLM_CHAT_BUDGET_MS: '600' }), [['ćwicz', /Ćwiczenie/, /Klient \(runda 1\/3\)/]]);
  });
});
