import type { Activity, MessagingExtensionAction, MessagingExtensionActionResponse, TaskModuleResponse } from 'botbuilder';
import type { Assistant } from '../../assistant/assistant.js';
import { ADAPTIVE_CARD } from '../../assistant/outgoing.js';
import { placeholdersIn, type AdaptiveCard } from '../../cards/adaptive-card.js';
import { textsFor } from '../../cards/bot-texts.js';
import { createChosenReplyCard } from '../../cards/chosen-reply-card.js';
import { createComposeReviewCard } from '../../cards/compose-review-card.js';
import { createPlaceholderWarningCard } from '../../cards/placeholder-warning-card.js';
import { createReviewFormCard } from '../../cards/review-form-card.js';
import { ReviewInputError } from '../../engine/review-input.js';

/**
 * The Teams compose-box flow as plain request → response functions (field names as in the Teams
 * messaging-extension invoke docs). Fetch: a form, prefilled from the message when invoked on one.
 * Submit: the review with a choice of replies; "preview" answers with botMessagePreview, so the agent
 * sees the exact card and decides to edit or send. Nothing is posted here: on "send" the channel posts
 * the previewed activity, which only the agent's click triggers.
 */

export const COMMAND_ID = 'reviewDraft';

/** What the flow reads of Teams' invoke value: botbuilder's own type (the channel's wire format lives here). */
export type ActionValue = Partial<MessagingExtensionAction>;

const attachment = (content: AdaptiveCard) => ({ contentType: ADAPTIVE_CARD, content });

function task(title: string, card: AdaptiveCard): TaskModuleResponse & MessagingExtensionActionResponse {
  return { task: { type: 'continue', value: { title, height: 'large', width: 'large', card: attachment(card) } } };
}

/** Teams gives the message as HTML: keep the words, drop the markup. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const dataOf = (value: ActionValue) => (value.data ?? {}) as Record<string, unknown>;

/** The text of a previewed card (for "edit": the agent continues from what they chose). */
function previewText(value: ActionValue): string {
  const card = value.botActivityPreview?.[0]?.attachments?.[0]?.content as { body?: { text?: string }[] } | undefined;
  return (card?.body ?? []).map((b) => b.text ?? '').join('\n').trim();
}

export function fetchTask(value: ActionValue, locale?: string): TaskModuleResponse & MessagingExtensionActionResponse {
  const t = textsFor(locale);
  // Invoked from a message's "…" menu: that message is the customer's; the agent writes the draft.
  const fromMessage = value.commandContext === 'message' ? htmlToText(value.messagePayload?.body?.content ?? '') : '';
  return task(t.reviewTitle, createReviewFormCard(t, { customer: fromMessage }, { action: 'review' }));
}

export async function submitAction(assistant: Assistant, value: ActionValue, locale?: string): Promise<MessagingExtensionActionResponse> {
  const t = textsFor(locale);
  const data = dataOf(value);
  if (value.botMessagePreviewAction === 'edit') {
    return task(t.reviewTitle, createReviewFormCard(t, { draft: previewText(value) }, { action: 'review' }));
  }
  if (data.action === 'edit') {
    return task(t.reviewTitle, createReviewFormCard(t, { draft: str(data.draft), customer: str(data.customer) }, { action: 'review' }));
  }
  if (data.action === 'preview') {
    const chosen = str(data.choice).trim();
    if (!chosen) return { task: { type: 'message', value: t.emptyDraft } };
    // A reply with [placeholders] left in it is never previewed silently: the agent is told what to fill in
    // and can edit it, or go ahead knowingly.
    const gaps = placeholdersIn(chosen);
    if (gaps.length > 0 && data.confirmed !== true) {
      return task(t.reviewTitle, createPlaceholderWarningCard(t, chosen, str(data.customer), gaps));
    }
    // The agent chose what goes out (an alternative or their own draft) and sees it before Teams sends it.
    assistant.recordChoice(str(data.review) || undefined, 'preview-sent');
    // Teams needs only the type and the card of the previewed activity; the rest of an Activity is the channel's.
    const preview = { type: 'message', attachments: [attachment(createChosenReplyCard(chosen))] } as Partial<Activity> as Activity;
    return { composeExtension: { type: 'botMessagePreview', activityPreview: preview } };
  }
  const draft = str(data.draft);
  const customer = str(data.customer);
  if (draft.length > assistant.maxDraft) return { task: { type: 'message', value: t.tooLong(assistant.maxDraft) } };
  try {
    // Teams wants the answer within 5 s: the LLM gets the invoke budget (3.5 s by default), the rules the rest.
    const { result, reviewId } = await assistant.reviewWithLlm(draft, customer || undefined, locale, 'invoke');
    if (!result) return task(t.reviewTitle, createReviewFormCard(t, { draft, customer }, { action: 'review' }));
    return task(t.reviewTitle, createComposeReviewCard(result, draft, customer, t, assistant.sources(t.lang), reviewId));
  } catch (error) {
    if (error instanceof ReviewInputError) return task(t.reviewTitle, createReviewFormCard(t, { draft, customer }, { action: 'review' }));
    throw error;
  }
}
