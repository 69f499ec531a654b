import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ChannelAccount,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import { textsFor } from '../../../cards/bot-texts.js';
import type { Logger } from '../../../config/logger.js';
import type { StoredActivity, WebChatStore } from './conversation-store.js';

/** Longest pause a bot's `delay` activity may impose; a turn must not hold the conversation for long. */
const MAX_DELAY_MS = 5_000;

/** Plain JSON copy: drops undefined fields and SDK objects, and detaches it from the bot's own copy. */
export const toJson = (value: unknown): StoredActivity => JSON.parse(JSON.stringify(value)) as StoredActivity;

/**
 * Runs the bot without the Bot Framework connector: what the bot sends is appended to the offline
 * Direct Line conversation, where Web Chat picks it up on its next poll.
 */
export class DirectLineAdapter extends BotAdapter {
  constructor(
    private readonly store: WebChatStore,
    readonly botAccount: ChannelAccount,
    private readonly logger: Logger,
  ) {
    super();
    // Same contract as the connector adapter's handler: log without the draft, tell the user something useful.
    this.onTurnError = async (context, error) => {
      logger.error({ err: { message: error.message, stack: error.stack }, activityType: context.activity.type, channel: 'directline' }, 'web chat turn failed');
      if (context.activity.type === ActivityTypes.Message) {
        try {
          await context.sendActivity(textsFor(context.activity.locale).error);
        } catch (sendError) {
          logger.error({ err: { message: (sendError as Error).message } }, 'could not tell the web chat user about the error');
        }
      }
    };
  }

  /**
   * Turns of one conversation run one after another in this process, so its state is not written twice at once;
   * across instances the eTags of the bot state catch the rare overlap (the later turn fails and says so).
   */
  private readonly queues = new Map<string, Promise<void>>();

  /** Runs one turn for an incoming activity, after any turn of the same conversation still running here. */
  process(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const key = activity.conversation?.id ?? '';
    const turn = () => this.runMiddleware(new TurnContext(this, activity), logic);
    if (!key) return turn();
    const next = (this.queues.get(key) ?? Promise.resolve()).then(turn);
    // The queue must survive a failed turn (onTurnError already handled it) so later turns still run,
    // and it is forgotten once idle, so the map holds only conversations with a turn in flight.
    const tail = next.catch(() => undefined);
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return next;
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        const ms = Math.min(Math.max(Number(activity.value) || 1000, 0), MAX_DELAY_MS);
        await new Promise((resolve) => setTimeout(resolve, ms));
        responses.push({ id: '' });
        continue;
      }
      // Invoke responses and traces are for the channel or the Emulator, not for the person chatting.
      if (activity.type === ActivityTypes.InvokeResponse || activity.type === ActivityTypes.Trace) {
        responses.push({ id: '' });
        continue;
      }
      const conversation = await this.store.get(activity.conversation?.id ?? context.activity.conversation?.id ?? '');
      if (!conversation) {
        // Evicted or expired mid-turn: nobody is left to read it.
        this.logger.debug({ type: activity.type }, 'web chat conversation gone; reply dropped');
        responses.push({ id: '' });
        continue;
      }
      const id = await this.store.append(
        conversation,
        toJson({
          ...activity,
          timestamp: new Date().toISOString(),
          channelId: 'directline',
          serviceUrl: conversation.serviceUrl,
          conversation: { id: conversation.id },
          from: this.botAccount,
          recipient: conversation.user,
        }),
      );
      responses.push({ id });
    }
    return responses;
  }

  override async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | void> {
    const conversation = await this.store.get(activity.conversation?.id ?? context.activity.conversation?.id ?? '');
    if (!conversation || !activity.id) return;
    const replaced = await this.store.replace(conversation, activity.id, toJson({ ...activity, from: this.botAccount, recipient: conversation.user }));
    return replaced ? { id: activity.id } : undefined;
  }

  override async deleteActivity(context: TurnContext, reference: Partial<ConversationReference>): Promise<void> {
    const conversation = await this.store.get(reference.conversation?.id ?? context.activity.conversation?.id ?? '');
    if (conversation && reference.activityId) await this.store.delete(conversation, reference.activityId);
  }

  override async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, reference, true);
    // Not queued behind the conversation's turns: it is usually called from inside one, which would wait on itself.
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }
}
