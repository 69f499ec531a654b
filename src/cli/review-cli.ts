import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../engine/knowledge-base.js';
import { review } from '../engine/review.js';
import { ReviewInputError } from '../engine/review-input.js';
import { COLOURS, formatReview, PLAIN } from './format-review.js';
import { runBatch } from './review-batch.js';

const USAGE = `usage:
  npm run -s review -- --jsonl < requests.jsonl     one JSON result per input line (the contract's batch form)
  npm run -s review -- "draft text" [--customer "their message"] [--lang fi|pl|hu|en] [--first] [--channel chat|email|phone-script] [--json]
  echo "draft text" | npm run -s review`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      jsonl: { type: 'boolean' }, json: { type: 'boolean' }, customer: { type: 'string' }, lang: { type: 'string' },
      first: { type: 'boolean' }, channel: { type: 'string' }, 'no-color': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const kb = loadKnowledgeBase();
  if (values.jsonl) {
    await runBatch(process.stdin, process.stdout, (request) => review(request, { kb }));
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
    const result = review(
      { draft, customer: values.customer, lang: values.lang, firstReply: values.first === true, channel: values.channel },
      { kb },
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

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`warmline: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
