import type restify from 'restify';
import type { AppConfig } from '../../../config/app-config.js';
import type { Logger } from '../../../config/logger.js';
import type { WarmlineBot } from '../warmline-bot.js';

export interface WebChatDeps {
  bot: WarmlineBot;
  config: AppConfig;
  logger: Logger;
}

/** Placeholder until the web chat lands: serves nothing yet. */
export function registerWebChat(_server: restify.Server, _deps: WebChatDeps): void {}
