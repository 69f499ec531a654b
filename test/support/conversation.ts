import { ConversationState, MemoryStorage, TestAdapter, UserState, type Activity } from 'botbuilder';
import { Assistant } from '../../src/assistant/assistant.js';
import type { ReviewEventSink } from '../../src/assistant/review-events.js';
import { WarmlineBot } from '../../src/channels/botframework/warmline-bot.js';
import { createLogger } from '../../src/config/logger.js';
import { testKnowledgeBase } from '../kb-fixture.js';

/** What the user sends in one step of a conversation table: text, or a card submit's value. */
export type Say = string | { value: Record<string, unknown>; text?: string };
/** What the bot must answer: each pattern must match one reply (text, or the card's JSON), in order. */
export type Expect = RegExp | ((reply: Partial<Activity>) => void);
export type Step = [Say, ...Expect[]];

export async function newBot(locale = 'en-US', options: { maxDraft?: number; allowedTenants?: string[]; conversationType?: 'personal' | 'channel' | 'groupChat'; events?: ReviewEventSink } = {}) {
  const storage = new MemoryStorage();
  const bot = new WarmlineBot({
    assistant: new Assistant({ kb: await testKnowledgeBase(), maxDraft: options.maxDraft ?? 8000, ...(options.events ? { events: options.events } : {}) }),
    conversationState: new ConversationState(storage),
    userState: new UserState(storage),
    logger: createLogger('silent'),
    allowedTenants: options.allowedTenants ?? [],
  });
  return new TestAdapter(async (context) => bot.run(context), { locale, channelId: 'msteams', conversation: { id: 'conv-1', conversationType: options.conversationType ?? 'personal' } as never });
}

export const render = (reply: Partial<Activity>) => `${reply.text ?? ''}\n${JSON.stringify(reply.attachments ?? [])}`;

/** Plays a conversation table through the TestAdapter, like the Bot Framework samples' DialogTestClient tables. */
export async function converse(adapter: TestAdapter, steps: Step[]): Promise<Partial<Activity>[]> {
  const replies: Partial<Activity>[] = [];
  let flow: ReturnType<TestAdapter['send']> | undefined;
  for (const [say, ...expects] of steps) {
    const activity: Partial<Activity> = typeof say === 'string' ? { type: 'message', text: say } : { type: 'message', text: say.text ?? '', value: say.value };
    flow = flow ? flow.send(activity) : adapter.send(activity);
    for (const expectation of expects) {
      flow = flow.assertReply((reply) => {
        replies.push(reply);
        if (expectation instanceof RegExp) {
          if (!expectation.test(render(reply))) throw new Error(`expected a reply matching ${expectation}, got: ${render(reply).slice(0, 400)}`);
        } else expectation(reply);
      });
    }
  }
  await flow;
  return replies;
}
