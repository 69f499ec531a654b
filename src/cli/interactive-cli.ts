import { createInterface } from 'node:readline';
import { loadKnowledgeBase } from '../engine/knowledge-base.js';
import { review } from '../engine/review.js';
import { ReviewInputError } from '../engine/review-input.js';
import { searchGuidance } from '../retrieval/search-guidance.js';
import { COLOURS, formatReview, PLAIN } from './format-review.js';

/**
 * `npm start` until the bot exists: a small console where an agent pastes drafts and gets the review.
 * Lines starting with "customer:" set the customer's message for the next drafts; "guidance <question>"
 * asks the knowledge base; "first" toggles first-reply mode.
 */
const HELP = `Paste a draft reply and press Enter to review it.
  customer: <text>     the customer's message for the drafts that follow ("customer:" alone clears it)
  first                 toggle first-reply mode (greeting expected)
  guidance <question>   what the guidance says, with source quotes
  quit                  leave`;

async function main(): Promise<void> {
  const kb = loadKnowledgeBase();
  const palette = process.stdout.isTTY && !process.env.NO_COLOR ? COLOURS : PLAIN;
  let customer = '';
  let firstReply = false;
  process.stdout.write(`Warmline (offline engine, ${kb.guidelines.length} guidelines)\n${HELP}\n`);
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: 'draft> ' });
  rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === 'quit' || line === 'exit') break;
    if (line === 'help' || line === '') process.stdout.write(`${HELP}\n`);
    else if (/^customer:/i.test(line)) {
      customer = line.replace(/^customer:\s*/i, '');
      process.stdout.write(customer ? 'customer message set\n' : 'customer message cleared\n');
    } else if (line === 'first') {
      firstReply = !firstReply;
      process.stdout.write(`first reply: ${firstReply ? 'on' : 'off'}\n`);
    } else if (/^guidance\s/i.test(line)) {
      const answer = searchGuidance(kb, line.replace(/^guidance\s+/i, ''));
      for (const g of answer.guidelines) process.stdout.write(`- ${g.rule}: ${g.message}\n  source ${g.source.document}: "${g.source.quote}"\n`);
      if (answer.guidelines.length === 0) process.stdout.write('The guidance does not cover this question.\n');
    } else {
      try {
        process.stdout.write(`${formatReview(raw, review({ draft: raw, customer, firstReply }, { kb }), palette)}\n`);
      } catch (error) {
        if (!(error instanceof ReviewInputError)) throw error;
        process.stdout.write(`${error.message}\n`);
      }
    }
    rl.prompt();
  }
  rl.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`warmline: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
