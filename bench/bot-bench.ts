import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

/**
 * `npm run bench:bot`: throughput and latency of POST /api/messages for a review, next to a bare echo bot
 * on the same adapter, in one run, with autocannon on loopback (50 connections). Two deliveries:
 * expectReplies (the replies come back in the HTTP response) and normal (the bot posts its replies to a
 * loopback connector stub before answering 200).
 * Each row also gives the server process's own CPU time per answered request (user + system, from /proc on Linux):
 * on a shared, noisy machine throughput moves with the neighbours, while the CPU a request costs the server moves
 * far less, so a small cost such as writing review events shows there first.
 */
/** The server's user + system CPU time in ms so far (Linux /proc; undefined elsewhere). */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of stat, counted from the state field (index 0 here) as 11 and 12.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

const CONNECTIONS = 50;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const DRAFT = "Sorry, that's not my department. You'll have to call back later, we're really busy today.";

async function startServer(mode: string) {
  const script = fileURLToPath(new URL('./bot-bench-server.js', import.meta.url));
  const child = spawn(process.execPath, [script, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
  const { url, stubUrl } = JSON.parse(line) as { url: string; stubUrl: string };
  return { url, stubUrl, pid: child.pid, stop: () => child.kill('SIGTERM') };
}

function activity(stubUrl: string, delivery: 'expectReplies' | 'normal') {
  return JSON.stringify({
    type: 'message', id: 'a1', text: DRAFT, locale: 'en-US', channelId: 'msteams', serviceUrl: stubUrl,
    from: { id: 'user-1' }, recipient: { id: 'bot-1' }, conversation: { id: 'bench-conversation', conversationType: 'personal' },
    ...(delivery === 'expectReplies' ? { deliveryMode: 'expectReplies' } : {}),
  });
}

async function load(url: string, body: string, unique = false, pid?: number) {
  const cpuBefore = cpuMs(pid);
  let n = 0;
  // Unique drafts defeat the review cache: every request is reviewed from scratch.
  const setupRequest = unique ? (req: autocannon.Request) => ({ ...req, body: body.replace('busy today', `busy today (${++n})`) }) : undefined;
  const result = await autocannon({ url: `${url}/api/messages`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: CONNECTIONS, duration: DURATION, ...(setupRequest ? { requests: [{ setupRequest }] } : {}) });
  const ok = result.requests.total - result.non2xx - result.errors;
  const cpuAfter = cpuMs(pid);
  const cpuPerRequest = cpuBefore !== undefined && cpuAfter !== undefined && ok > 0 ? (cpuAfter - cpuBefore) / ok : undefined;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, ok, failed: result.non2xx + result.errors, cpuPerRequest };
}

async function main(): Promise<void> {
  const rows: string[] = [];
  const results: Record<string, Awaited<ReturnType<typeof load>>> = {};
  // The bot state in a database costs a read and a write a turn: PGlite always, PostgreSQL with DATABASE_URL.
  const modes = ['echo', 'warmline', 'warmline-pglite', 'warmline-pglite-events', ...(process.env.DATABASE_URL ? ['warmline-postgres'] : [])];
  for (const mode of modes) {
    const server = await startServer(mode);
    try {
      for (const delivery of ['expectReplies', 'normal'] as const) {
        await load(server.url, activity(server.stubUrl, delivery)); // warm-up pass, discarded
        if (mode.startsWith('warmline-')) {
          // With a database, only fresh drafts: the same-draft row measures the review cache, not the storage.
          results[`${mode}/${delivery}/unique drafts`] = await load(server.url, activity(server.stubUrl, delivery), true, server.pid);
          continue;
        }
        results[`${mode}/${delivery}`] = await load(server.url, activity(server.stubUrl, delivery), false, server.pid);
        if (mode === 'warmline') results[`${mode}/${delivery}/unique drafts`] = await load(server.url, activity(server.stubUrl, delivery), true, server.pid);
      }
    } finally {
      server.stop();
    }
  }
  rows.push(`Node ${process.version}; autocannon, ${CONNECTIONS} connections, ${DURATION} s per row after a discarded warm-up, loopback`, '');
  rows.push('| bot | delivery | req/s | p50 (ms) | p99 (ms) | ok | failed | throughput vs echo | server CPU ms/request |', '|---|---|---|---|---|---|---|---|---|');
  for (const key of Object.keys(results)) {
    const [mode, delivery, variant] = key.split('/') as [string, string, string | undefined];
    const r = results[key]!;
    const echo = results[`echo/${delivery}`]!;
    rows.push(`| ${mode}${variant ? ` (${variant})` : ' (same draft)'} | ${delivery} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.ok} | ${r.failed} | ${mode === 'echo' ? '100%' : `${Math.round((100 * r.rps) / echo.rps)}%`} | ${r.cpuPerRequest === undefined ? 'n/a' : r.cpuPerRequest.toFixed(2)} |`);
  }
  process.stdout.write(`${rows.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:bot failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
