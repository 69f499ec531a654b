import { describe, expect, it } from 'vitest';
import { converse, newBot, render } from './support/conversation.js';
import { validateAdaptiveCard } from './support/adaptive-card-schema.js';

const card = (reply: { attachments?: { content?: unknown }[] }) => reply.attachments?.[0]?.content as Record<string, unknown>;

describe('the bot answers what the user meant, in the language they wrote', () => {
  it('greets and thanks back instead of reviewing "hi" and "thanks"', async () => {
    await converse(await newBot(), [['hi', /Paste a draft reply/], ['thanks', /You're welcome/]]);
  });

  it('answers a Finnish greeting in Finnish from an English client', async () => {
    await converse(await newBot('en-US'), [['moikka', /Liitä vastausluonnos/]]);
  });

  it('gives Polish coaching to a Polish question from an English client', async () => {
    const [reply] = await converse(await newBot('en-US'), [['co powiedzieć gdy klient jest zły z powodu opóźnionej dostawy?', /Możesz powiedzieć|Mozesz powiedziec|Powiedz|.+/]]);
    expect(render(reply!)).not.toMatch(/the outage in your area/);
    expect(validateAdaptiveCard(card(reply!))).toEqual([]);
  });

  it('asks with two buttons when a short message could be a draft or a topic, and each button does its part', async () => {
    const [ask] = await converse(await newBot(), [['refunds?', /review this as a draft, or look up/i]]);
    expect(validateAdaptiveCard(card(ask!))).toEqual([]);
    expect(render(ask!)).toMatch(/"action":"review","draft":"refunds\?"/);
    await converse(await newBot(), [[{ value: { action: 'guidance', question: 'refunds?' } }, /What our guidance says/]]);
  });

  it('does not review a draft in a team channel, where colleagues would see it', async () => {
    const [reply] = await converse(await newBot('en-US', { conversationType: 'channel' }), [['Sorry, that is not my department.', /1:1 chat/]]);
    expect(render(reply!)).not.toMatch(/Revise before sending|Good to send/);
  });

  it('practises in the language the trainee asked in, and stops on a localised stop', async () => {
    await converse(await newBot('en-US'), [['harjoitellaan', /Harjoit|harjoit/, /.+/], ['lopetetaan', /.+/]]);
  });

  it('"stop" with nothing running says so instead of reviewing it', async () => {
    await converse(await newBot(), [['stop', /Nothing is running/]]);
  });
});
