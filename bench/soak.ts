import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startFlags } from './start-flags.js';

/**
 * `npm run bench:soak`: the bot's resident memory through a long run at 50 conversations (issue 9: flat, and under
 * 300 MB). One server process (`bench/bot-bench-server.ts`, in memory unless SOAK_MODE says `warmline-pglite`),
 * autocannon with 50 connections spread over 50 conversations, every draft unique so the review cache hides no work,
 * and the server's RSS read from /proc every 10 s. Settings: SOAK_SECONDS (600), SOAK_MODE (warmline, or
 * warmline-pglite), SOAK_DELIVERY (normal | expectReplies), SOAK_NODE_FLAGS (default: those of `npm start`).
 */
const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const MODE = process.env.SOAK_MODE ?? 'warmline';
const DELIVERY = process.env.SOAK_DELIVERY === 'expectReplies' ? 'expectReplies' : 'normal';
const CONVERSATIONS = 50;
const SAMPLE_MS = 10_000;
const DRAFTS = [
  "Sorry, that's not my department. You'll have to call back later, we're really busy today.",
  'Hei, tarkistin tilauksen ja paketti lähtee huomenna. Laitan seurantakoodin sähköpostiin.',
  'Dzień dobry, niestety nic nie mogę zrobić, takie są zasady.',
  'Jó napot! Sajnos ezt nem tudom, kérem hívjon később.',
];

/** Resident set of a process in MB (Linux /proc; the machines and CI are Linux). */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

async function main(): Promise<void> {
  const script = fileURLToPath(new URL('./bot-bench-server.js', import.meta.url));
  // The bot as `npm start` runs it (its heap cap), or SOAK_NODE_FLAGS to compare ("" for Node's defaults).
  const flags = process.env.SOAK_NODE_FLAGS !== undefined ? process.env.SOAK_NODE_FLAGS.split(/\s+/).filter(Boolean) : startFlags();
  const child = spawn(process.execPath, [...flags, script, MODE], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${MODE} server exited with ${code}`)));
  });
  const { url, stubUrl } = JSON.parse(line) as { url: string; stubUrl: string };
  const pid = child.pid!;
  const samples: { at: number; rss: number; requests: number }[] = [{ at: 0, rss: rssMb(pid), requests: 0 }];
  let n = 0;
  const body = (i: number) =>
    JSON.stringify({
      type: 'message', id: `a${i}`, text: `${DRAFTS[i % DRAFTS.length]} (${i})`, locale: 'en-US', channelId: 'msteams', serviceUrl: stubUrl,
      from: { id: `user-${i % CONVERSATIONS}` }, recipient: { id: 'bot-1' }, conversation: { id: `soak-${i % CONVERSATIONS}`, conversationType: 'personal' },
      ...(DELIVERY === 'expectReplies' ? { deliveryMode: 'expectReplies' } : {}),
    });
  const started = Date.now();
  const timer = setInterval(() => samples.push({ at: (Date.now() - started) / 1000, rss: rssMb(pid), requests: n }), SAMPLE_MS);
  try {
    const result = await autocannon({
      url: `${url}/api/messages`, method: 'POST', headers: { 'content-type': 'application/json' }, connections: CONVERSATIONS, duration: SECONDS,
      requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: body(++n) }) }],
    });
    clearInterval(timer);
    samples.push({ at: (Date.now() - started) / 1000, rss: rssMb(pid), requests: n });
    const failed = result.non2xx + result.errors;
    const perMinute = samples.filter((s, i) => i === 0 || i === samples.length - 1 || Math.round(s.at) % 60 < SAMPLE_MS / 1000);
    const rows = [
      `Node ${process.version} ${flags.join(' ')}; ${MODE}, ${DELIVERY} delivery, ${CONVERSATIONS} conversations, ${SECONDS} s, unique drafts, RSS every ${SAMPLE_MS / 1000} s`,
      '',
      '| time (s) | requests sent | server RSS (MB) |',
      '|---|---|---|',
      ...perMinute.map((s) => `| ${Math.round(s.at)} | ${s.requests} | ${s.rss.toFixed(0)} |`),
      '',
    ];
    const rss = samples.map((s) => s.rss);
    // Flat means the second half grows no more than the noise of a collector cycle: compare its start and end.
    const half = samples.filter((s) => s.at >= SECONDS / 2);
    const growth = half.length > 1 ? half.at(-1)!.rss - half[0]!.rss : NaN;
    rows.push(
      `req/s ${Math.round(result.requests.average)}, failed ${failed}; RSS start ${rss[0]!.toFixed(0)} MB, peak ${Math.max(...rss).toFixed(0)} MB, end ${rss.at(-1)!.toFixed(0)} MB; second half ${growth >= 0 ? '+' : ''}${growth.toFixed(0)} MB`,
    );
    process.stdout.write(`${rows.join('\n')}\n`);
  } finally {
    clearInterval(timer);
    child.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:soak failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
