import type { TurnContext } from 'botbuilder-core';
import { toActivity, type Outgoing } from '../src/assistant/outgoing.js';

/** Sends the assistant's channel-free messages in one batch, in order; returns the ids the channel gave them. */
export async function sendOutgoing(context: TurnContext, messages: readonly Outgoing[]): Promise<string[]> {
  if (messages.length === 0) return [];
  const sent = await context.sendActivities(messages.map(toActivity));
  return sent.map((r) => r?.id ?? '');
}

/** Set by the channel on each turn: replaces a sent activity later, after the turn has ended. */
export const LATE_UPDATE = 'warmline.lateUpdate';
export type LateUpdate = (activityId: string, messages: readonly Outgoing[]) => Promise<void>;

/** Sends a review and, when the LLM's better card arrives after the budget, swaps it in. */
export async function sendWithLateUpdate(context: TurnContext, produce: (onLate: (late: Outgoing[]) => Promise<void>) => Promise<Outgoing[]>): Promise<void> {
  let sentId = '';
  const update = context.turnState.get(LATE_UPDATE) as LateUpdate | undefined;
  const outgoing = await produce(async (late) => {
    if (update && sentId) await update(sentId, late);
  });
  const ids = await sendOutgoing(context, outgoing);
  sentId = ids.at(-1) ?? '';
}
