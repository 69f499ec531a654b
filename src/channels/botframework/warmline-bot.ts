import {
  ActivityTypes,
  CloudAdapterBase,
  TeamsActivityHandler,
  TurnContext,
  type AppBasedLinkQuery,
  type InvokeResponse,
  type TaskModuleRequest,
  type TaskModuleResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type BotState,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type StatePropertyAccessor,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { MainDialog } from '../../../dialogs/main-dialog.js';
import { LATE_UPDATE, sendOutgoing, type LateUpdate } from '../../../dialogs/send-outgoing.js';
import { toActivity } from '../../assistant/outgoing.js';
import type { Assistant } from '../../assistant/assistant.js';
import { textsFor } from '../../cards/bot-texts.js';
import { fetchTask, submitAction } from './compose-extension.js';
import { callerOf, teamNameOf } from '../../../dialogs/caller-of.js';
import type { Logger } from '../../config/logger.js';
import { isTenantAllowed, tenantOf } from './tenant-guard.js';

export interface WarmlineBotOptions {
  /** The bot's app id (MicrosoftAppId), needed to continue a conversation for a late card update. */
  appId?: string;
  assistant: Assistant;
  conversationState: BotState;
  userState: BotState;
  logger: Logger;
  allowedTenants: readonly string[];
  /** Where the names of teams go (the event log), for the dashboard's team filter; absent: nowhere. */
  teamNames?: { nameTeam(tenant: string, team: string, name: string): void };
}

/**
 * Warmline on the Bot Framework: 1:1 and channel messages go through the dialogs, the compose-box
 * message extension through the compose flow, and both end in the same offline engine.
 */
export class WarmlineBot extends TeamsActivityHandler {
  private readonly dialog: MainDialog;
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(private readonly options: WarmlineBotOptions) {
    super();
    this.dialog = new MainDialog(options.assistant);
    this.dialogState = options.conversationState.createProperty<DialogState>('dialogState');

    this.onMessage(async (context, next) => {
      // In channels the message starts with "<at>Warmline</at>": review what the agent wrote, not the mention.
      if (context.activity.text) {
        const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text;
        context.activity.text = text.replace(/<at>[^<]*<\/at>/g, '').trim();
      }
      await this.dialog.run(context, this.dialogState);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const newcomers = (context.activity.membersAdded ?? []).filter((m) => m.id !== botId);
      // In a team channel, greet once when the bot arrives, not for every member who joins later.
      const botArrived = (context.activity.membersAdded ?? []).some((m) => m.id === botId);
      const personal = (context.activity.conversation as { conversationType?: string } | undefined)?.conversationType === 'personal' || context.activity.channelId !== 'msteams';
      // In a team channel the welcome is one message (the words, not the form too): it is read by everyone.
      const welcome = this.options.assistant.welcome(context.activity.locale);
      if (personal && newcomers.length > 0) await sendOutgoing(context, welcome);
      else if (botArrived) await sendOutgoing(context, personal ? welcome : welcome.slice(0, 1));
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    if (!isTenantAllowed(context.activity, this.options.allowedTenants)) {
      this.options.logger.warn({ tenant: tenantOf(context.activity), type: context.activity.type }, 'activity from a tenant that is not allowed');
      await this.refuse(context);
      return;
    }
    // Teams names a team only in some activities (the bot added, the team renamed): remember it for the dashboard.
    const named = teamNameOf(context.activity);
    if (named) this.options.teamNames?.nameTeam(callerOf(context.activity).tenant ?? '', named.team, named.name);
    // Lets the dialogs replace a card after the turn, when the LLM's better review arrives late.
    const reference = TurnContext.getConversationReference(context.activity);
    const adapter = context.adapter;
    const appId = this.options.appId ?? '';
    const lateUpdate: LateUpdate = async (activityId, messages) => {
      const logic = async (later: TurnContext) => {
        await later.updateActivity({ ...toActivity(messages[0]!), id: activityId, conversation: reference.conversation });
      };
      try {
        if (adapter instanceof CloudAdapterBase) await adapter.continueConversationAsync(appId, reference, logic);
        else await adapter.continueConversation(reference, logic);
      } catch (error) {
        this.options.logger.warn({ err: { message: (error as Error).message } }, 'could not update the review card with the LLM result');
      }
    };
    context.turnState.set(LATE_UPDATE, lateUpdate);
    await super.run(context);
    await this.options.conversationState.saveChanges(context, false);
    await this.options.userState.saveChanges(context, false);
  }

  private async refuse(context: TurnContext): Promise<void> {
    const message = textsFor(context.activity.locale).tenantRefused;
    if (context.activity.type === ActivityTypes.Invoke) {
      const isCompose = (context.activity.name ?? '').startsWith('composeExtension/');
      await context.sendActivity({
        type: ActivityTypes.InvokeResponse,
        value: isCompose ? { status: 200, body: { task: { type: 'message', value: message } } } : { status: 403, body: { error: message } },
      });
      return;
    }
    if (context.activity.type === ActivityTypes.Message) await context.sendActivity(message);
  }

  protected override async handleTeamsMessagingExtensionFetchTask(context: TurnContext, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    return fetchTask(action, context.activity.locale);
  }

  protected override async handleTeamsMessagingExtensionSubmitAction(context: TurnContext, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    return submitAction(this.options.assistant.as(callerOf(context.activity)), action, context.activity.locale);
  }

  protected override async handleTeamsMessagingExtensionBotMessagePreviewEdit(context: TurnContext, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    return submitAction(this.options.assistant.as(callerOf(context.activity)), { ...action, botMessagePreviewAction: 'edit' }, context.activity.locale);
  }

  /** A link pasted in the compose box: Warmline unfurls nothing, and says so with an empty result, not a 501. */
  protected override async handleTeamsAppBasedLinkQuery(_context: TurnContext, _query: AppBasedLinkQuery): Promise<MessagingExtensionResponse> {
    return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } };
  }

  /** A task module opened from a card or a deep link: the review form, as the compose box opens it. */
  protected override async handleTeamsTaskModuleFetch(context: TurnContext, _request: TaskModuleRequest): Promise<TaskModuleResponse> {
    return fetchTask({}, context.activity.locale);
  }

  /** The form of such a task module submitted: the review (or the form again), exactly as in the compose box. */
  protected override async handleTeamsTaskModuleSubmit(context: TurnContext, request: TaskModuleRequest): Promise<TaskModuleResponse> {
    const answer = await submitAction(this.options.assistant.as(callerOf(context.activity)), { data: (request.data ?? {}) as Record<string, unknown> }, context.activity.locale);
    // A preview belongs to the compose box; from a task module the chosen text comes back as a message to copy.
    if (answer.composeExtension) return { task: { type: 'message', value: String((request.data as { choice?: unknown } | undefined)?.choice ?? '') } };
    return { task: answer.task };
  }

  /** Warmline has no search command; a stray query gets a clear word instead of a 501. */
  protected override async handleTeamsMessagingExtensionQuery(context: TurnContext, _query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    return { composeExtension: { type: 'message', text: textsFor(context.activity.locale).help } };
  }

  /**
   * Universal Actions (Action.Execute) are not used by Warmline's cards; answer politely rather than 501, with a
   * message (`application/vnd.microsoft.activity.message`, whose value is a string). Answered here rather than in
   * onAdaptiveCardInvoke because botbuilder types that response's value as an object, which only a cast would get past.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    const body = { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: textsFor(context.activity.locale).help };
    return { status: 200, body };
  }

  /** The agent pressed Send on the preview: only now is the chosen reply posted, exactly as previewed. */
  protected override async handleTeamsMessagingExtensionBotMessagePreviewSend(context: TurnContext, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    const preview = action.botActivityPreview?.[0];
    if (preview?.attachments?.length) await context.sendActivity({ type: ActivityTypes.Message, attachments: preview.attachments });
    return {};
  }
}
