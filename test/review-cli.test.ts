import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/core/paths.js';

// The built CLI, as `npm run -s review` runs it (npm test builds first).
const cli = join(projectRoot(), 'dist', 'src', 'cli', 'review-cli.js');
const run = (args: string[], input: string) => spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('review CLI', () => {
  // Built by `npm test` (it runs the build first); run alone, say so rather than skip silently.
  beforeAll(() => {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first (npm test does it)`);
  });

  it('--jsonl answers every line in order, errors as lines, nothing lost', () => {
    const lines = [
      JSON.stringify({ id: 'a', draft: "That's not my department.", lang: 'en' }),
      'this is not json',
      '',
      JSON.stringify({ id: 'b', draft: '' }),
      JSON.stringify({ id: 'c', draft: 'Hei Sanna, tarkistin tilauksen 558201 ja palaan asiaan huomenna klo 12 mennessä.', lang: 'fi' }),
      '\u0000\u0001binary\u0002',
    ];
    const out = run(['--jsonl'], `${lines.join('\n')}\n`);
    expect(out.status).toBe(0);
    const results = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(results).toHaveLength(lines.length);
    expect(results.map((r) => r.id ?? null)).toEqual(['a', null, null, 'b', 'c', null]);
    expect(results[0]).toMatchObject({ verdict: 'revise' });
    expect(results[1]).toHaveProperty('error');
    expect(results[3]).toMatchObject({ error: expect.stringMatching(/empty/) });
    expect(results[4]).toMatchObject({ verdict: 'send', findings: [] });
  });

  it('prints a readable report for a person, with the quote, guideline and source', () => {
    const out = run(['Sorry, that is not my department.', '--lang', 'en'], '');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/verdict: REVISE/);
    expect(out.stdout).toMatch(/not-my-department {2}"[^"]*not my department"/);
    expect(out.stdout).toMatch(/source 004: "/);
    expect(out.stdout).toMatch(/warmer:/);
    expect(out.stdout).toMatch(/Next step: /);
  });

  it('reads the draft from standard input', () => {
    const out = run(['--json'], 'Nie wiem.');
    expect(JSON.parse(out.stdout)).toMatchObject({ lang: 'pl', verdict: 'revise' });
  });

  it('an empty draft is a clear error with exit code 1', () => {
    const out = run([], '   ');
    expect(out.status).toBe(1);
    expect(out.stderr).toMatch(/the draft is empty/);
  });
});
