import { describe, expect, it } from 'vitest';
import { converse, newBot, render } from './support/conversation.js';
import { validateAdaptiveCard } from './support/adaptive-card-schema.js';

const card = (reply: { attachments?: { content?: unknown }[] }) => reply.attachments?.[0]?.content as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const validCard = (reply: { attachments?: { content?: unknown }[] }) => expect(validateAdaptiveCard(card(reply))).toEqual([]);

describe('agent: 1:1 review', () => {
  it('reviews a pasted draft: verdict, the quoted words, the source, alternatives with "Use this", next step', async () => {
    const [reply] = await converse(await newBot(), [["Sorry, that's not my department, call back later.", /Revise before sending/]]);
    validCard(reply!);
    const json = render(reply!);
    expect(json).toMatch(/not my department/);
    expect(json).toMatch(/Source 004/);
    expect(json).toMatch(/"title":"Use this"/);
    expect(json).toMatch(/Next step/);
  });

  it('"customer: … draft: …" passes the customer message, so a re-asked number is caught', async () => {
    await converse(await newBot(), [['customer: Order 4471-2231 arrived broken. draft: What is your order number?', /asks-details-again/]]);
  });

  it('"Use this" answers with the chosen text as a plain message', async () => {
    await converse(await newBot(), [[{ value: { action: 'use', text: 'Thanks, I will call you back by 3 pm.' } }, (r) => expect(r.text).toBe('Thanks, I will call you back by 3 pm.')]]);
  });

  it('"Review again" reviews the edited draft', async () => {
    await converse(await newBot(), [[{ value: { action: 'review', draft: 'Hi Sam, I have refunded order 4471-2231 today and will email you the receipt by 5 pm.', customer: 'Order 4471-2231?' } }, /Good to send/]]);
  });

  it('keeps the draft when it is too long: a clear message, nothing lost', async () => {
    const adapter = await newBot('en-US', { maxDraft: 120 });
    await converse(adapter, [['x'.repeat(20) + ' this is my long draft '.repeat(10), /too long to review here \(the limit is 120 characters\)/]]);
  });

  it('answers in the user\'s locale while reviewing in the draft\'s language', async () => {
    const [reply] = await converse(await newBot('fi-FI'), [["That's not my department.", /Muokkaa ennen lähettämistä/]]);
    expect(render(reply!)).toMatch(/not my department/);
  });

  it('a bare "review" opens the two-input form', async () => {
    const [reply] = await converse(await newBot(), [['review', /"id":"draft"/]]);
    validCard(reply!);
    expect(render(reply!)).toMatch(/"id":"customer"/);
  });
});

describe('supervisor: guidance', () => {
  it('answers "what does our guidance say about transfers?" with guidelines and source quotes', async () => {
    const [reply] = await converse(await newBot(), [['what does our guidance say about transfers?', /transfer-runaround/]]);
    validCard(reply!);
    expect(render(reply!)).toMatch(/Source 00\d/);
  });

  it('says so when the guidance does not cover the question', async () => {
    await converse(await newBot(), [['guidance xylophone quantum zebra', /doesn't cover that/]]);
  });
});

describe('trainee: coaching and practice', () => {
  it('"what should I say when…" gives example replies, the guidelines behind them and what to avoid', async () => {
    const [reply] = await converse(await newBot(), [['what should I say when a customer asks something I do not know?', /You could say/]]);
    validCard(reply!);
    expect(render(reply!)).toMatch(/Avoid/);
    expect(render(reply!)).toMatch(/i-dont-know/);
  });

  it('practice: plays a customer, reviews and scores each answer, sums up at the end', async () => {
    await converse(await newBot(), [
      ['practice', /Practice: I'll play a customer for 3 rounds/, /Customer \(round 1\/3\)/],
      ["I don't know, not my department.", /Warmline review/, /Score for this answer: \d+\/100/, /Customer \(round 2\/3\)/],
      ['help', /guidance/],
      ['Thank you for telling me. I will check this now and call you back by 3 pm today.', /Warmline review/, /Score for this answer/, /Customer \(round 3\/3\)/],
      ['Hello, thanks for your message! I will email you the answer by noon tomorrow.', /Warmline review/, /Score for this answer/, /Practice done: 3 rounds, average \d+\/100/],
    ]);
  });

  it('practice in Finnish, and "lopeta" stops it', async () => {
    await converse(await newBot('fi-FI'), [
      ['harjoittele', /Harjoitus: esitän asiakasta/, /Asiakas \(kierros 1\/3\)/],
      ['lopeta', /Harjoitus lopetettu/],
      ['Ei kuulu meille.', /Muokkaa ennen lähettämistä/],
    ]);
  });
});

describe('welcome and help', () => {
  it('welcomes a new member of a 1:1 chat with the review form', async () => {
    const adapter = await newBot();
    await adapter
      .send({ type: 'conversationUpdate', membersAdded: [{ id: 'user-1', name: 'Agent' }], recipient: { id: 'bot', name: 'Warmline' } } as never)
      .assertReply((r) => expect(r.text).toMatch(/second read before you send/))
      .assertReply((r) => validCard(r));
  });

  it('help at any time', async () => {
    await converse(await newBot('pl-PL'), [['pomoc', /Wklej szkic/]]);
  });
});

describe('tenants', () => {
  it('refuses Teams activities from a tenant that is not allowed, with a clear message', async () => {
    const adapter = await newBot('en-US', { allowedTenants: ['11111111-2222-3333-4444-555555555555'] });
    await adapter
      .send({ type: 'message', text: 'Not my department.', channelData: { tenant: { id: '99999999-0000-0000-0000-000000000000' } } } as never)
      .assertReply((r) => expect(r.text).toBe("Warmline isn't enabled for your organisation."));
  });

  it('serves an allowed tenant', async () => {
    const adapter = await newBot('en-US', { allowedTenants: ['11111111-2222-3333-4444-555555555555'] });
    await adapter
      .send({ type: 'message', text: 'Not my department.', channelData: { tenant: { id: '11111111-2222-3333-4444-555555555555' } } } as never)
      .assertReply((r) => expect(render(r)).toMatch(/Revise before sending/));
  });
});
