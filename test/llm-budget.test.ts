import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Assistant } from '../src/assistant/assistant.js';
import { DailyLlmBudget } from '../src/store/llm-usage.js';
import { startFakeOpenAi, type FakeOpenAi } from './support/fake-openai-server.js';
import { databaseTargets } from './support/databases.js';
import { byTask, llmFor } from './support/llm-fixture.js';
import { testKnowledgeBase } from './kb-fixture.js';

// Issue 9: model calls per user and per tenant per day; past the budget the offline engine answers.
describe('daily model-call budgets', () => {
  it('counts per user and per tenant, and a new UTC day starts afresh (in memory)', async () => {
    let now = Date.parse('2026-12-06T10:00:00Z');
    const budget = new DailyLlmBudget({ perUser: 2, perTenant: 3 }, undefined, () => now);
    const ann = { user: 'ann', tenant: 'acme' };
    const bob = { user: 'bob', tenant: 'acme' };
    expect([await budget.take(ann), await budget.take(ann), await budget.take(ann)]).toEqual([true, true, false]);
    // The tenant has had 3 calls; Bob's first is the tenant's 4th.
    expect(await budget.take(bob)).toBe(false);
    expect(await budget.take({ user: 'cy', tenant: 'other' })).toBe(true);
    now = Date.parse('2026-12-07T00:00:01Z');
    expect(await budget.take(ann)).toBe(true);
  });

  describe.each(databaseTargets())('shared by every instance ($name)', (target) => {
    afterAll(() => target.closeAll());
    it('two instances count against one budget', async () => {
      const tenant = `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
      const a = new DailyLlmBudget({ perUser: 3, perTenant: 100 }, (await target.open()).db);
      const b = new DailyLlmBudget({ perUser: 3, perTenant: 100 }, (await target.open()).db);
      const caller = { user: `${tenant}-ann`, tenant };
      const results = await Promise.all([a.take(caller), b.take(caller), a.take(caller), b.take(caller)]);
      expect(results.filter(Boolean)).toHaveLength(3);
    });
  });
});

describe('the assistant past its budget', () => {
  let fake: FakeOpenAi;
  beforeAll(async () => {
    fake = await startFakeOpenAi();
  });
  afterAll(() => fake.close());

  it('uses the model while the caller has budget, then answers offline without calling it', async () => {
    const kb = await testKnowledgeBase();
    fake.onChat(byTask({ 'guidance-answer': { json: { covered: true, answer: 'Ask before transferring, and give the number.', citations: [] } } }));
    const assistant = new Assistant({ kb, maxDraft: 8000, llm: llmFor(fake, kb), llmBudget: new DailyLlmBudget({ perUser: 1, perTenant: 10 }) });
    const ann = assistant.as({ user: 'ann', tenant: 'acme' });
    await ann.guidanceWithLlm('what does our guidance say about transfers?', 'en-US');
    const afterFirst = fake.requests.length;
    expect(afterFirst).toBeGreaterThan(0);
    const second = await ann.guidanceWithLlm('what does our guidance say about transfers?', 'en-US');
    expect(fake.requests.length).toBe(afterFirst);
    expect(JSON.stringify(second)).toMatch(/transfer/i);
    // Another user of the same tenant still has theirs.
    await assistant.as({ user: 'bob', tenant: 'acme' }).guidanceWithLlm('what does our guidance say about transfers?', 'en-US');
    expect(fake.requests.length).toBeGreaterThan(afterFirst);
  });
});
