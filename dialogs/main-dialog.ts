import type { StatePropertyAccessor, TurnContext } from 'botbuilder-core';
import { ComponentDialog, DialogSet, WaterfallDialog, type DialogState, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Assistant } from '../src/assistant/assistant.js';
import { parseAgentMessage } from '../src/assistant/parse-agent-message.js';
import { PracticeDialog, PRACTICE_DIALOG } from './practice-dialog.js';
import { sendOutgoing, sendWithLateUpdate } from './send-outgoing.js';

export const MAIN_DIALOG = 'main';
const ROUTE = 'route';

type CardSubmit = { action?: unknown; text?: unknown; draft?: unknown; customer?: unknown };
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * The one entry for messages: card submits ("Use this", "Review again") and typed commands go to the
 * assistant; "practice" starts the multi-turn practice dialog, which then owns the following turns.
 */
export class MainDialog extends ComponentDialog {
  constructor(private readonly assistant: Assistant) {
    super(MAIN_DIALOG);
    this.addDialog(new PracticeDialog(assistant));
    this.addDialog(new WaterfallDialog(ROUTE, [this.route.bind(this)]));
    this.initialDialogId = ROUTE;
  }

  private dialogSet: DialogSet | undefined;

  /** Runs one turn: an active dialog (practice) continues, otherwise the message is routed afresh. */
  async run(context: TurnContext, accessor: StatePropertyAccessor<DialogState>): Promise<void> {
    // One DialogSet for the bot's lifetime: building it per turn cost more than the review itself.
    if (!this.dialogSet) {
      this.dialogSet = new DialogSet(accessor);
      this.dialogSet.add(this);
    }
    const dc = await this.dialogSet.createContext(context);
    const text = (context.activity.text ?? '').trim().toLowerCase();
    // "help" always answers, even in the middle of practice, without ending it.
    if (dc.activeDialog && /^(help|apua|pomoc|sugo|súgó)$/.test(text)) {
      await sendOutgoing(context, this.assistant.help(context.activity.locale));
      return;
    }
    if (dc.activeDialog) {
      await dc.continueDialog();
      return;
    }
    // Most turns are single messages: answer them without the dialog stack (measured: the stack cost
    // more than the review); only practice, which spans turns, begins the dialog.
    if ((await this.answer(context)) === 'practice') await dc.beginDialog(this.id);
  }

  private async route(step: WaterfallStepContext) {
    if ((await this.answer(step.context)) === 'practice') return step.beginDialog(PRACTICE_DIALOG);
    return step.endDialog();
  }

  /**
   * Answers a single-turn message (review, Use this, guidance, coaching, help) and says so; returns
   * 'practice' without sending anything when the message starts the multi-turn practice.
   */
  async answer(context: TurnContext): Promise<'answered' | 'practice'> {
    const locale = context.activity.locale;
    const value = (context.activity.value ?? {}) as CardSubmit;
    if (value.action === 'use') {
      await sendOutgoing(context, this.assistant.useReply(str(value.text)));
      return 'answered';
    }
    if (value.action === 'review') {
      await this.reviewAndSend(context, str(value.draft), str(value.customer) || undefined);
      return 'answered';
    }
    // A bare card submit or an empty message (a mention alone): offer the review form rather than an error.
    if (!(context.activity.text ?? '').trim()) {
      await sendOutgoing(context, this.assistant.reviewForm(locale));
      return 'answered';
    }
    const intent = parseAgentMessage(context.activity.text ?? '');
    switch (intent.kind) {
      case 'help':
        await sendOutgoing(context, this.assistant.help(locale));
        break;
      case 'review-form':
        await sendOutgoing(context, this.assistant.reviewForm(locale));
        break;
      case 'guidance':
        await sendOutgoing(context, await this.assistant.guidanceWithLlm(intent.question, locale));
        break;
      case 'coaching':
        await sendOutgoing(context, await this.assistant.coachingWithLlm(intent.situation, locale));
        break;
      case 'practice':
        return 'practice';
      case 'review':
        await this.reviewAndSend(context, intent.draft, intent.customer);
        break;
    }
    return 'answered';
  }

  private async reviewAndSend(context: TurnContext, draft: string, customer: string | undefined): Promise<void> {
    const locale = context.activity.locale;
    await sendWithLateUpdate(context, async (onLate) => (await this.assistant.reviewWithLlm(draft, customer, locale, 'chat', onLate)).outgoing);
  }
}
