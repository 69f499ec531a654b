import { ComponentDialog, TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Assistant } from '../src/assistant/assistant.js';
import { langFromLocale, textsFor } from '../src/cards/bot-texts.js';
import { callerOf } from './caller-of.js';
import { customerLine, pickScenarios, PRACTICE_ROUNDS, scoreAnswer } from '../src/assistant/practice.js';
import { sendOutgoing } from './send-outgoing.js';

export const PRACTICE_DIALOG = 'practice';
const ROUND = 'practice-round';
const ANSWER = 'practice-answer';

interface PracticeState {
  /** The language the trainee asked in ("harjoitellaan" from an English client practises in Finnish). */
  lang: string;
  round: number;
  seed: number;
  scores: number[];
}

/** Hashes the conversation id so each conversation gets its own, replayable order of scenarios. */
function seedOf(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * Practice mode: the bot plays a customer from scenarios drawn from the documents, reviews the trainee's
 * answer, scores it, and after the last round sums up. One waterfall per round, replaced to loop.
 */
export class PracticeDialog extends ComponentDialog {
  constructor(private readonly assistant: Assistant) {
    super(PRACTICE_DIALOG);
    this.addDialog(new TextPrompt(ANSWER));
    this.addDialog(new WaterfallDialog(ROUND, [this.ask.bind(this), this.score.bind(this)]));
    this.initialDialogId = ROUND;
  }

  private state(step: WaterfallStepContext): PracticeState {
    const o = step.options as Partial<PracticeState>;
    return { lang: o.lang ?? langFromLocale(step.context.activity.locale), round: o.round ?? 0, seed: o.seed ?? seedOf(step.context.activity.conversation?.id ?? ''), scores: o.scores ?? [] };
  }

  private async ask(step: WaterfallStepContext) {
    const s = this.state(step);
    const t = textsFor(s.lang);
    const scenarios = pickScenarios(this.assistant.kb, s.seed, PRACTICE_ROUNDS);
    if (s.round === 0) await step.context.sendActivity(t.practiceIntro(scenarios.length));
    const scenario = scenarios[s.round]!;
    const lang = langFromLocale(s.lang);
    const described = `${scenario.id} (${scenario.rules.join(', ')}): "${scenario.source.quote}" The customer says: ${customerLine(scenario, lang)}`;
    (step.values as { scenario?: string }).scenario = scenario.id;
    (step.values as { customer?: string }).customer = await this.assistant.as(callerOf(step.context.activity)).practiceCustomerLine(described, customerLine(scenario, lang), lang);
    return step.prompt(ANSWER, { prompt: `${t.practiceCustomer(s.round + 1, scenarios.length)}\n\n${(step.values as { customer?: string }).customer ?? ""}` });
  }

  private async score(step: WaterfallStepContext) {
    const s = this.state(step);
    const t = textsFor(s.lang);
    const answer = String(step.result ?? '').trim();
    if (this.assistant.route(answer, s.lang).intent === 'stop') {
      await step.context.sendActivity(t.practiceStopped);
      return step.endDialog();
    }
    const { outgoing, result } = this.assistant.review(answer, (step.values as { customer?: string }).customer, s.lang);
    await sendOutgoing(step.context, outgoing);
    const scores = result ? [...s.scores, scoreAnswer(result)] : s.scores;
    if (result) {
      // The score goes to the supervisors' practice figures (through the review events); the answer does not.
      this.assistant.as(callerOf(step.context.activity)).recordPractice((step.values as { scenario?: string }).scenario ?? 'unknown', langFromLocale(s.lang), scores.at(-1)!);
      await step.context.sendActivity(t.practiceScore(scores.at(-1)!));
    }
    const total = Math.min(PRACTICE_ROUNDS, this.assistant.kb.artifact.scenarios.length);
    if (s.round + 1 < total) return step.replaceDialog(ROUND, { ...s, round: s.round + 1, scores });
    const avg = scores.length ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : 0;
    await step.context.sendActivity(t.practiceSummary(avg, total));
    return step.endDialog({ scores });
  }
}
