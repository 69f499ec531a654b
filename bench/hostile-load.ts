import { spawn } from 'node:child_process';
import { startFlags } from './start-flags.js';
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench:hostile`: the abuse of issue 9, bounded and on loopback only, against the real server (`npm start`'s
 * entry, default settings, embedded database in a temporary folder): a flood of new web-chat conversations from one
 * address, a flood of messages and of 1 MB bodies into one conversation, forged tokens. It prints what came back,
 * whether a conversation made before the flood still works, and the server's resident memory before and after.
 */
const entry = fileURLToPath(new URL('../src/channels/botframework/main.js', import.meta.url));
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function main(): Promise<void> {
  const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', DATA_DIR: mkdtempSync(join(tmpdir(), 'warmline-hostile-')), DATABASE_URL: '', OPENAI_API_KEY: '', AZURE_OPENAI_API_KEY: '' };
  const child = spawn(process.execPath, [...startFlags(), entry], { env: { ...env, LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const base = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const url = (JSON.parse(line) as { url?: string }).url;
      if (url) resolve(url);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const dl = `${base}/v3/directline/conversations`;
  const json = { 'Content-Type': 'application/json' };
  const count = (statuses: number[]) => Object.entries(statuses.reduce<Record<number, number>>((m, s) => ({ ...m, [s]: (m[s] ?? 0) + 1 }), {})).map(([s, n]) => `${n}× ${s}`).join(', ');
  const rows: string[][] = [];
  try {
    // A victim's conversation, made before the flood.
    const victim = (await (await fetch(dl, { method: 'POST', headers: json, body: JSON.stringify({ user: { id: 'u_victim' } }) })).json()) as { conversationId: string; token: string };
    const before = rssMb(child.pid!);

    const created: number[] = [];
    for (let i = 0; i < 1_000; i++) created.push((await fetch(dl, { method: 'POST', headers: json, body: '{}' })).status);
    rows.push(['1,000 new conversations from one address', count(created)]);

    const auth = { ...json, Authorization: `Bearer ${victim.token}` };
    const posted: number[] = [];
    for (let i = 0; i < 100; i++) posted.push((await fetch(`${dl}/${victim.conversationId}/activities`, { method: 'POST', headers: auth, body: JSON.stringify({ type: 'typing' }) })).status);
    rows.push(['100 posts into one conversation at once', count(posted)]);

    const big = JSON.stringify({ type: 'message', text: 'x'.repeat(1024 * 1024) });
    const huge: number[] = [];
    for (let i = 0; i < 66; i++) huge.push((await fetch(`${base}/api/messages`, { method: 'POST', headers: json, body: big })).status);
    rows.push(['66 bodies of 1 MB to /api/messages', count(huge)]);

    const forged: number[] = [];
    for (const token of ['eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', 'not-a-token', 'Bearer x'.repeat(50)]) {
      forged.push((await fetch(`${dl}/${victim.conversationId}/activities`, { headers: { Authorization: `Bearer ${token}` } })).status);
    }
    rows.push(['forged tokens on the victim conversation', count(forged)]);

    const poll = await fetch(`${dl}/${victim.conversationId}/activities`, { headers: auth });
    rows.push(['the victim, polling after all of it', `${poll.status} (${((await poll.json()) as { activities: unknown[] }).activities.length} activities)`]);
    rows.push(['server resident memory, before → after', `${before.toFixed(0)} MB → ${rssMb(child.pid!).toFixed(0)} MB`]);
  } finally {
    child.kill('SIGTERM');
  }
  process.stdout.write(`| hostile load (loopback, default settings) | what came back |\n|---|---|\n${rows.map((r) => `| ${r[0]} | ${r[1]} |`).join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:hostile: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
