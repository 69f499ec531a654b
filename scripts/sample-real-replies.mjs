#!/usr/bin/env node
// Draws the real-reply evaluation sample from the Twitter customer-support corpus (test use only, CC BY-NC-SA).
// Each item is a brand's reply with the customer tweet it answers (`in_response_to_tweet_id`). At most
// PER_BRAND replies per brand keep a few big brands from deciding the figures; brands, not replies, are split
// into a calibration half and a test half, so the test half also measures brands never studied.
// Usage: node scripts/sample-real-replies.mjs ../shared/external/customer-service/twcs-sample-first5000.csv OUT_DIR [--more]
// --more also writes real-2017-calibration-more.unlabelled.jsonl: up to MORE_PER_BRAND further replies of the
// calibration brands only, a larger development set that leaves the test half's brands unstudied.
// --test-more EXCLUDE_IDS_FILE writes real-2017-test-more.unlabelled.jsonl instead: up to TEST_MORE_PER_BRAND further
// replies of the test half's brands, a second held-out real set, less the replies listed in the file (one id a
// line: replies whose text was read while studying the unlabelled pool, so they cannot be held out).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PER_BRAND = 7;
const MORE_PER_BRAND = 25;
// The second held-out set: about 300 replies, what two annotators label in one sitting.
const TEST_MORE_PER_BRAND = 14;
const [csvPath, outDir, moreFlag, excludePath] = process.argv.slice(2);
const excluded = new Set(excludePath ? readFileSync(excludePath, 'utf8').split('\n').filter(Boolean) : []);
if (!csvPath || !outDir) {
  console.error('usage: sample-real-replies.mjs TWCS_CSV OUT_DIR');
  process.exit(2);
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  const [head, ...body] = rows;
  return body.filter((r) => r.length === head.length).map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

const hash = (s) => createHash('sha256').update(s).digest('hex');
const tweets = parseCsv(readFileSync(csvPath, 'utf8'));
const byId = new Map(tweets.map((t) => [t.tweet_id, t]));
const perBrand = new Map();
for (const t of tweets) {
  const asked = byId.get(t.in_response_to_tweet_id);
  if (t.inbound !== 'False' || !asked || asked.inbound !== 'True') continue;
  const list = perBrand.get(t.author_id) ?? [];
  list.push({ reply: t, asked });
  perBrand.set(t.author_id, list);
}
const halves = { calibration: [], test: [] };
const more = [];
const testMore = [];
const toItem = ({ reply, asked }) => ({
  id: `tw-${reply.tweet_id}`,
  brand: reply.author_id,
  lang: 'en',
  channel: 'chat',
  // The brand's first reply in the thread: the customer's tweet opened the conversation.
  firstReply: !asked.in_response_to_tweet_id,
  customer: asked.text,
  draft: reply.text,
});
// Brands in a fixed pseudo-random order, each to the half that has fewer items so far.
const brands = [...perBrand.keys()].sort((a, b) => hash(a).localeCompare(hash(b)));
for (const brand of brands) {
  const picked = perBrand.get(brand).sort((a, b) => hash(a.reply.tweet_id).localeCompare(hash(b.reply.tweet_id))).slice(0, PER_BRAND);
  const half = halves.calibration.length <= halves.test.length ? 'calibration' : 'test';
  halves[half].push(...picked.map(toItem));
  if (half === 'calibration') {
    const rest = perBrand.get(brand).slice(PER_BRAND, PER_BRAND + MORE_PER_BRAND);
    more.push(...rest.map(toItem));
  } else {
    const rest = perBrand.get(brand).slice(PER_BRAND).map(toItem).filter((i) => !excluded.has(i.id)).slice(0, TEST_MORE_PER_BRAND);
    testMore.push(...rest);
  }
}
if (moreFlag === '--test-more') {
  writeFileSync(join(outDir, 'real-2017-test-more.unlabelled.jsonl'), testMore.map((i) => JSON.stringify(i)).join('\n') + '\n');
  console.log(`test-more: ${testMore.length} replies from ${new Set(testMore.map((i) => i.brand)).size} brands`);
  process.exit(0);
}
for (const [half, items] of Object.entries(halves)) {
  writeFileSync(join(outDir, `real-2017-${half}.unlabelled.jsonl`), items.map((i) => JSON.stringify(i)).join('\n') + '\n');
  console.log(`${half}: ${items.length} replies from ${new Set(items.map((i) => i.brand)).size} brands`);
}
if (moreFlag === '--more') {
  writeFileSync(join(outDir, 'real-2017-calibration-more.unlabelled.jsonl'), more.map((i) => JSON.stringify(i)).join('\n') + '\n');
  console.log(`calibration-more: ${more.length} replies from ${new Set(more.map((i) => i.brand)).size} brands`);
}
