import type { TurnContext } from 'botbuilder-core';
import { toActivity, type Outgoing } from '../src/assistant/outgoing.js';

/** Sends the assistant's channel-free messages in one batch, in order. */
export async function sendOutgoing(context: TurnContext, messages: readonly Outgoing[]): Promise<void> {
  if (messages.length > 0) await context.sendActivities(messages.map(toActivity));
}
