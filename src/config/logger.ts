import pino, { type Logger } from 'pino';

/**
 * Structured logs. Drafts and customer messages are people's words about their problems: they never
 * reach the log unless LOG_DRAFTS says so, and even then only at debug level.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'warmline' },
      redact: { paths: ['draft', 'customer', 'text', '*.draft', '*.customer', '*.text', 'activity.text', 'activity.value'], censor: '[redacted]' },
    },
    destination,
  );
}

export type { Logger };
