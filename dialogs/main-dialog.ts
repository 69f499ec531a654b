import type { StatePropertyAccessor, TurnContext } from 'botbuilder-core';
import { ComponentDialog, DialogSet, WaterfallDialog, type DialogState, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Assistant } from '../src/assistant/assistant.js';
import { reportCommand } from '../src/assistant/report-command.js';
import { callerOf } from './caller-of.js';
import { PracticeDialog, PRACTICE_DIALOG } from './practice-dialog.js';
import { sendOutgoing, sendWithLateUpdate } from './send-outgoing.js';

export const MAIN_DIALOG = 'main';
const ROUTE = 'route';

type CardSubmit = { action?: unknown; text?: unknown; draft?: unknown; customer?: unknown; question?: unknown };
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
    // With no dialog on the stack, no DialogContext unless the turn begins the practice: building one sets up
    // its memory scopes on every turn (measured: a seventh of a repeated draft's turn). The state is read as
    // createContext reads it, so what is saved stays the same.
    const state = await accessor.get(context, { dialogStack: [] });
    if (Array.isArray(state.dialogStack) && state.dialogStack.length === 0) {
      const answered = await this.answer(context);
      if (answered !== 'answered') await (await this.dialogSet.createContext(context)).beginDialog(this.id, answered);
      return;
    }
    const dc = await this.dialogSet.createContext(context);
    // "help" always answers, even in the middle of practice, without ending it.
    if (dc.activeDialog && context.activity.text) {
      const route = this.assistant.route(context.activity.text, context.activity.locale);
      if (route.intent === 'help') {
        await sendOutgoing(context, this.assistant.help(route.lang));
        return;
      }
    }
    if (dc.activeDialog) {
      await dc.continueDialog();
      return;
    }
    // Most turns are single messages: answer them without the dialog stack (measured: the stack cost
    // more than the review); only practice, which spans turns, begins the dialog.
    const answered = await this.answer(context);
    if (answered !== 'answered') await dc.beginDialog(this.id, answered);
  }

  private async route(step: WaterfallStepContext) {
    const practice = step.options as { lang?: string } | undefined;
    if (practice?.lang) return step.beginDialog(PRACTICE_DIALOG, { lang: practice.lang });
    return step.endDialog();
  }

  /**
   * Answers a single-turn message (review, Use this, guidance, coaching, help, greeting…) and says so;
   * returns the practice's language without sending anything when the message starts the multi-turn practice.
   */
  async answer(context: TurnContext): Promise<'answered' | { lang: string }> {
    const locale = context.activity.locale;
    const value = (context.activity.value ?? {}) as CardSubmit;
    if (value.action === 'use') {
      const style = str((value as { style?: unknown }).style) === 'concise' ? 'concise' : 'warmer';
      this.assistant.as(callerOf(context.activity)).recordChoice(str((value as { review?: unknown }).review) || undefined, `alternative:${style}`);
      await sendOutgoing(context, this.assistant.useReply(str(value.text)));
      return 'answered';
    }
    if (value.action === 'review') {
      await this.reviewAndSend(context, str(value.draft), str(value.customer) || undefined);
      return 'answered';
    }
    if (value.action === 'guidance') {
      await sendOutgoing(context, await this.assistant.as(callerOf(context.activity)).guidanceWithLlm(str(value.question), locale));
      return 'answered';
    }
    // A bare card submit or an empty message (a mention alone): offer the review form rather than an error.
    if (!(context.activity.text ?? '').trim()) {
      await sendOutgoing(context, this.assistant.reviewForm(locale));
      return 'answered';
    }
    // "team report" / "my week": the supervisors' figures (issue 10), never a draft to review.
    const report = reportCommand(context.activity.text ?? '');
    if (report) {
      await sendOutgoing(context, await this.assistant.as(callerOf(context.activity)).report(report, locale));
      return 'answered';
    }
    const route = this.assistant.route(context.activity.text ?? '', locale);
    // In a team channel colleagues see every reply: drafts are reviewed in the 1:1 chat or the compose box.
    const inChannel = (context.activity.conversation as { conversationType?: string } | undefined)?.conversationType === 'channel';
    switch (route.intent) {
      case 'help':
        await sendOutgoing(context, this.assistant.help(route.lang));
        break;
      case 'guidance':
        await sendOutgoing(context, await this.assistant.as(callerOf(context.activity)).guidanceWithLlm(route.text, route.lang));
        break;
      case 'coaching':
        await sendOutgoing(context, await this.assistant.as(callerOf(context.activity)).coachingWithLlm(route.text, route.lang));
        break;
      case 'practice':
        return { lang: route.lang };
      case 'review':
        if (inChannel) await sendOutgoing(context, this.assistant.channelPrivate(route.lang));
        else if (route.text) await this.reviewAndSend(context, route.text, route.customer);
        else await sendOutgoing(context, this.assistant.reviewForm(route.lang));
        break;
      case 'ask':
        if (inChannel) await sendOutgoing(context, this.assistant.channelPrivate(route.lang));
        else await sendOutgoing(context, this.assistant.askIntent(route.text, route.lang));
        break;
      case 'greeting':
      case 'thanks':
      case 'smalltalk':
      case 'unknown':
      case 'stop':
        await sendOutgoing(context, this.assistant.reply(route.intent, route.lang));
        break;
    }
    return 'answered';
  }

  private async reviewAndSend(context: TurnContext, draft: string, customer: string | undefined): Promise<void> {
    const locale = context.activity.locale;
    await sendWithLateUpdate(context, async (onLate) => (await this.assistant.as(callerOf(context.activity)).reviewWithLlm(draft, customer, locale, 'chat', onLate)).outgoing);
  }
}
