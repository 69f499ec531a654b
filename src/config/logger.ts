import pino, { type Logger } from 'pino';

/**
 * Structured logs. Drafts and customer messages are people's words about their problems: they never reach
 * the log (fields that could hold them are redacted). There is no switch to log them: a deployment that
 * must keep drafts should store them deliberately, with a retention of their own (issue 10), not in logs.
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
