import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { reviewEventOf } from '../assistant/review-events.js';
import { loadConfig } from '../config/app-config.js';
import { loadDotEnv } from '../config/load-dotenv.js';
import type { ReviewResult } from '../core/contract.js';
import { loadKnowledgeBase } from '../engine/knowledge-base.js';
import { review } from '../engine/review.js';
import { ReviewInputError } from '../engine/review-input.js';
import { COLOURS, formatReview, PLAIN } from './format-review.js';
import { runBatch } from './review-batch.js';
import { cliCaller, CliEvents, cliEventsWanted } from './cli-events.js';
import { runCli } from './run-cli.js';

const USAGE = `usage:
  npm run -s review -- --jsonl < requests.jsonl     one JSON result per input line (the contract's batch form)
  npm run -s review -- "draft text" [--customer "their message"] [--lang fi|pl|hu|en] [--first] [--channel chat|email|phone-script] [--json]
  echo "draft text" | npm run -s review
review events (site "cli", no text) are recorded when DATABASE_URL is set or with --events (embedded database
under DATA_DIR: stop the bot first); --no-events turns them off`;

const parseFlags = () =>
  parseArgs({
    allowPositionals: true,
    options: {
      jsonl: { type: 'boolean' }, json: { type: 'boolean' }, customer: { type: 'string' }, lang: { type: 'string' },
      first: { type: 'boolean' }, channel: { type: 'string' }, 'no-color': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      events: { type: 'boolean' }, 'no-events': { type: 'boolean' },
    },
  });
type Flags = ReturnType<typeof parseFlags>['values'];

async function main(): Promise<number> {
  const { values, positionals } = parseFlags();
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  loadDotEnv();
  // The database opens beside the reviewing (never before it), and only when events are wanted.
  const events = cliEventsWanted(process.env, values) ? new CliEvents(loadConfig(), (message) => process.stderr.write(`warmline: ${message}\n`)) : undefined;
  try {
    return await reviewAll(values, positionals, events);
  } finally {
    const problem = await events?.close();
    if (problem) process.stderr.write(`warmline: ${problem}\n`);
  }
}

async function reviewAll(values: Flags, positionals: string[], events: CliEvents | undefined): Promise<number> {
  const kb = loadKnowledgeBase();
  const caller = cliCaller();
  // The draft goes with the event; the log keeps it only with REVIEW_STORE_TEXT=true.
  const recorded = (result: ReviewResult, draft: string) => {
    events?.record(reviewEventOf(randomUUID(), caller, result, draft));
    return result;
  };
  if (values.jsonl) {
    await runBatch(process.stdin, process.stdout, (request) => recorded(review(request, { kb }), (request as { draft: string }).draft));
    return 0;
  }
  let draft = positionals.join(' ');
  if (!draft) {
    if (process.stdin.isTTY) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    draft = readFileSync(0, 'utf8');
  }
  try {
    const result = recorded(
      review({ draft, customer: values.customer, lang: values.lang, firstReply: values.first === true, channel: values.channel }, { kb }),
      draft,
    );
    if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      const colour = process.stdout.isTTY && !values['no-color'] && !process.env.NO_COLOR;
      process.stdout.write(`${formatReview(draft, result, colour ? COLOURS : PLAIN)}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof ReviewInputError) {
      process.stderr.write(`warmline: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

runCli('warmline', main);
