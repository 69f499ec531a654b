import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../src/engine/knowledge-base.js';
import { review } from '../src/engine/review.js';

/**
 * `npm run bench`: review latency (p50/p99) and throughput for three draft sizes, start-up time and
 * memory. Timings are taken in one run on one machine, so compare them with each other, not across runs.
 */

const ONE_SENTENCE = { draft: "Sorry, that's not my department, call back later.", customer: 'My order 4471-2231 arrived broken.', lang: 'en' };
const SIXTY = {
  draft:
    "Hi Sam, thanks for getting in touch. I'm sorry the blender broke the first time you used it. I've checked order 4471-2231 and it's still under warranty, so I've arranged a replacement that leaves our warehouse tomorrow. I'll email you the tracking number as soon as it's dispatched, and the courier will collect the broken one.",
  customer: 'My blender from order 4471-2231 broke the first time I used it.',
  lang: 'en',
};
const FOUR_HUNDRED = {
  draft: Array.from({ length: 8 }, (_, i) =>
    `Overpayment allowances were introduced as part of the ${2010 + i} product review, when we aligned our fixed-rate products with the market. Historically, early repayment charges were set at a flat percentage of the balance, but following customer feedback these were restructured into tiered bands, which are recalculated every year on the anniversary of the loan. Unfortunately there is nothing I can do, that is our policy.`,
  ).join(' '),
  customer: 'Can I overpay my mortgage by 5000 this year?',
  lang: 'en',
};

const words = (t: string) => t.split(/\s+/).filter(Boolean).length;

function measure(request: { draft: string }, iterations: number) {
  for (let i = 0; i < 200; i++) review(request); // warm-up: JIT and regex caches
  const times = new Float64Array(iterations);
  const started = performance.now();
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    review(request);
    times[i] = performance.now() - t0;
  }
  const total = performance.now() - started;
  times.sort();
  const at = (q: number) => times[Math.min(iterations - 1, Math.floor(q * iterations))]!;
  return { p50: at(0.5), p99: at(0.99), perSecond: (iterations / total) * 1000 };
}

interface Startup {
  importMs: number;
  loadMs: number;
  firstReviewMs: number;
  readyMs: number;
  processMs: number;
  rssMb: number;
}

function startup(): Startup {
  const probe = fileURLToPath(new URL('./startup-probe.js', import.meta.url));
  const t0 = performance.now();
  const out = spawnSync(process.execPath, [probe], { encoding: 'utf8' });
  const processMs = performance.now() - t0;
  if (out.status !== 0) throw new Error(`start-up probe failed: ${out.stderr}`);
  return { ...(JSON.parse(out.stdout) as Omit<Startup, 'processMs'>), processMs };
}

function main(): void {
  const s = startup();
  loadKnowledgeBase();
  const rows = [
    ['one sentence', ONE_SENTENCE, 20_000],
    ['60 words', SIXTY, 10_000],
    ['400 words', FOUR_HUNDRED, 2_000],
  ] as const;
  const lines = [
    `Node ${process.version}, ${process.platform}/${process.arch}`,
    '',
    '| draft | words | p50 (ms) | p99 (ms) | reviews/s |',
    '|---|---|---|---|---|',
  ];
  for (const [name, req, n] of rows) {
    const m = measure(req, n);
    lines.push(`| ${name} | ${words(req.draft)} | ${m.p50.toFixed(3)} | ${m.p99.toFixed(3)} | ${Math.round(m.perSecond)} |`);
  }
  if (global.gc) global.gc();
  const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
  lines.push(
    '',
    '| start-up | value |',
    '|---|---|',
    `| **start-up: process start to first review done** | **${s.readyMs.toFixed(0)} ms** |`,
    `| of which: node boot and module imports | ${s.importMs.toFixed(0)} ms |`,
    `| of which: load compiled knowledge base | ${s.loadMs.toFixed(1)} ms |`,
    `| first review after load | ${s.firstReviewMs.toFixed(1)} ms |`,
    `| whole child process incl. spawn and exit, seen from outside | ${s.processMs.toFixed(0)} ms |`,
    `| resident memory after load and first review | ${s.rssMb.toFixed(1)} MB |`,
    `| heap in use after the benchmark (after GC) | ${heapMb.toFixed(1)} MB |`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
