import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { textsFor } from '../../cards/bot-texts.js';
import type { AppConfig } from '../../config/app-config.js';
import type { Logger } from '../../config/logger.js';

/**
 * The CloudAdapter with Bot Framework authentication from the environment. With no MicrosoftAppId it
 * runs unauthenticated for local use; with one, requests without a valid Bot Framework token get 401.
 */
export function createAdapter(config: AppConfig, logger: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  });
  const adapter = new CloudAdapter(auth);

  // The one place turn errors are caught: log the error (never the draft), tell the user something useful.
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: { message: error.message, stack: error.stack }, activityType: context.activity.type, name: context.activity.name, channel: context.activity.channelId }, 'turn failed');
    if (context.activity.type === 'message') {
      try {
        await context.sendActivity(textsFor(context.activity.locale).error);
      } catch (sendError) {
        logger.error({ err: { message: (sendError as Error).message } }, 'could not tell the user about the error');
      }
    }
  };
  return adapter;
}
