import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as zlib from 'node:zlib';
import { Ajv } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { FROM_DEBIAN, FROM_SHARED, requireCommand, requireFile } from './support/prerequisites.js';
import { buildManifest, buildTeamsPackage } from '../src/teams-app/build-teams-package.js';
import { toAjvDefaultDialect } from '../src/teams-app/manifest-schema.js';
import { fillManifestTemplate, manifestIdsFromEnv } from '../src/teams-app/manifest-config.js';
import { readPngHeader } from '../src/teams-app/png.js';
import { appPackageDir, projectRoot } from '../src/teams-app/paths.js';
import { createZip } from '../src/teams-app/zip.js';

const SCHEMA_PATH = requireFile(fileURLToPath(new URL('../../shared/external/teams-manifest/MicrosoftTeams.schema.v1.17.json', import.meta.url)), FROM_SHARED);
const OLDER_SCHEMA_PATH = requireFile(fileURLToPath(new URL('../../shared/external/teams-manifest/MicrosoftTeams.schema.v1.16.json', import.meta.url)), FROM_SHARED);
const BOT_ID = '8a2f0c9e-1b3d-4e5f-9a7b-0c1d2e3f4a5b';
const APP_ID = 'c3d4e5f6-0718-4293-a4b5-c6d7e8f90a1b';
const ENV = { MICROSOFT_APP_ID: BOT_ID, TEAMS_APP_ID: APP_ID, BOT_DOMAIN: 'warmline.example.com' };
const tmp = mkdtempSync(join(tmpdir(), 'warmline-teams-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj => v as Obj;
const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;

/** Independent of zip.ts: read entries through the central directory, as unzip tools do. */
function readZip(zip: Buffer): { name: string; method: number; data: Buffer }[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('no end-of-central-directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  expect(at + zip.readUInt32LE(eocd + 12)).toBe(eocd);
  const entries = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    expect(zip.readUInt32LE(local + 14)).toBe(crc);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const body = zip.subarray(start, start + size);
    const data = method === 8 ? zlib.inflateRawSync(body) : Buffer.from(body);
    expect(zip.readUInt32LE(at + 24)).toBe(data.length);
    expect(zlib.crc32(data)).toBe(crc);
    entries.push({ name, method, data });
    at = next;
  }
  return entries;
}

/** Decode the RGBA pixels of an 8-bit RGBA PNG whose rows all use filter 0, as the committed icons do (checked row by row). */
function pngPixels(png: Buffer): Uint8Array {
  const { width, height } = readPngHeader(png);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    out.set(raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)), y * width * 4);
  }
  return out;
}

describe('manifest ids from the environment', () => {
  it('names MICROSOFT_APP_ID when it is missing, empty or not a GUID', () => {
    expect(() => manifestIdsFromEnv({})).toThrow(/MICROSOFT_APP_ID is not set/);
    expect(() => manifestIdsFromEnv({ MICROSOFT_APP_ID: '  ' })).toThrow(/MICROSOFT_APP_ID is not set/);
    expect(() => manifestIdsFromEnv({ MICROSOFT_APP_ID: 'my-bot' })).toThrow(/MICROSOFT_APP_ID must be a GUID.*"my-bot"/);
    expect(() => manifestIdsFromEnv({ MICROSOFT_APP_ID: `{${BOT_ID}}` })).toThrow(/MICROSOFT_APP_ID must be a GUID/);
    expect(() => manifestIdsFromEnv({ MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000000' })).toThrow(/MICROSOFT_APP_ID is the all-zero GUID/);
  });

  it('names TEAMS_APP_ID when it is set but not a GUID, and otherwise falls back to the bot id', () => {
    expect(() => manifestIdsFromEnv({ MICROSOFT_APP_ID: BOT_ID, TEAMS_APP_ID: 'x' })).toThrow(/TEAMS_APP_ID must be a GUID/);
    expect(manifestIdsFromEnv({ MICROSOFT_APP_ID: ` ${BOT_ID.toUpperCase()} ` })).toEqual({
      teamsAppId: BOT_ID, microsoftAppId: BOT_ID, botDomain: 'localhost:3978',
    });
  });

  it('takes BOT_DOMAIN as a bare host and rejects URLs', () => {
    expect(manifestIdsFromEnv({ ...ENV, BOT_DOMAIN: 'abc123.euw.devtunnels.ms' }).botDomain).toBe('abc123.euw.devtunnels.ms');
    expect(() => manifestIdsFromEnv({ ...ENV, BOT_DOMAIN: 'https://warmline.example.com/api' })).toThrow(/BOT_DOMAIN must be a host name/);
  });

  it('building the package fails with the same clear message, before writing anything', async () => {
    const outFile = join(tmp, 'never.zip');
    await expect(buildTeamsPackage({ env: { BOT_DOMAIN: 'x.example.com' }, outFile })).rejects.toThrow(/MICROSOFT_APP_ID is not set/);
    await expect(buildTeamsPackage({ env: { MICROSOFT_APP_ID: 'nope' }, outFile })).rejects.toThrow(/MICROSOFT_APP_ID must be a GUID/);
    expect(existsSync(outFile)).toBe(false);
  });

  it('refuses placeholders it does not know', () => {
    expect(() => fillManifestTemplate('{"id": "{{TEAMS_APP_ID}}", "x": "{{OTHER}}"}', manifestIdsFromEnv(ENV))).toThrow(/unknown placeholders: OTHER/);
  });
});

describe('the filled manifest', async () => {
  const { manifest, schema } = await buildManifest({ env: ENV, schemaPath: join(tmp, 'absent.json') });
  const bot = asObj((manifest.bots as unknown[])[0]);
  const extension = asObj((manifest.composeExtensions as unknown[])[0]);
  const command = asObj((extension.commands as unknown[])[0]);

  it('says so when the schema file is absent instead of pretending it was checked', () => {
    expect(schema).toEqual({ validated: false, reason: expect.stringMatching(/schema file not found: .*absent\.json/) });
  });

  it('has every placeholder filled with the ids', () => {
    expect(JSON.stringify(manifest)).not.toMatch(/\{\{|\}\}/);
    expect(manifest).toMatchObject({ id: APP_ID, manifestVersion: '1.17', validDomains: ['warmline.example.com'] });
    expect(bot.botId).toBe(BOT_ID);
    expect(extension.botId).toBe(BOT_ID);
  });

  it('declares the bot in all three scopes with its commands', () => {
    expect(bot).toMatchObject({ scopes: ['personal', 'team', 'groupChat'], supportsFiles: false, isNotificationOnly: false });
    const commands = (asObj((bot.commandLists as unknown[])[0]).commands as Obj[]).map((c) => c.title);
    expect(commands).toEqual(['help', 'review', 'guidance', 'practice']);
  });

  it('has one action command, reviewDraft, in compose and on messages, fetching its task module', () => {
    expect(extension.commands).toHaveLength(1);
    expect(command).toMatchObject({ id: 'reviewDraft', type: 'action', title: 'Review with Warmline', fetchTask: true });
    expect(command.context).toEqual(expect.arrayContaining(['compose', 'message']));
  });
});

describe('the manifest against the official v1.17 schema', () => {
  // Compiled here rather than trusting build-teams-package's own check.
  const schema = toAjvDefaultDialect(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'))) as object;
  const validate = addFormats(new Ajv({ strict: false, allErrors: true })).compile(schema);

  it('validates with no errors, also with the default ids and domain', async () => {
    for (const env of [ENV, { MICROSOFT_APP_ID: BOT_ID }]) {
      const { manifest, schema: check } = await buildManifest({ env, schemaPath: SCHEMA_PATH });
      expect(check.validated).toBe(true);
      expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('really checks: a broken manifest is refused, by the schema and by the build', async () => {
    const { manifest } = await buildManifest({ env: ENV, schemaPath: SCHEMA_PATH });
    const broken = { ...manifest, accentColor: 'orange', description: { short: 'x'.repeat(81), full: 'y' } };
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toEqual(expect.arrayContaining(['/accentColor', '/description/short']));
    await expect(buildManifest({ env: ENV, schemaPath: OLDER_SCHEMA_PATH })).rejects.toThrow(/\/manifestVersion/);
  });
});

describe('the package zip', async () => {
  const outFile = join(tmp, 'warmline-teams.zip');
  const built = await buildTeamsPackage({ env: ENV, outFile, schemaPath: SCHEMA_PATH });
  const zip = readFileSync(outFile);
  const entries = readZip(zip);

  it('holds exactly manifest.json, color.png and outline.png at the root', () => {
    expect(built.outFile).toBe(outFile);
    expect(entries.map((e) => e.name).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8'))).toEqual(built.manifest);
    for (const icon of ['color.png', 'outline.png']) {
      expect(entries.find((e) => e.name === icon)!.data.equals(readFileSync(join(appPackageDir(), icon)))).toBe(true);
    }
  });

  it('is byte-identical when built again from the same inputs', async () => {
    const again = join(tmp, 'again.zip');
    await buildTeamsPackage({ env: ENV, outFile: again, schemaPath: join(tmp, 'absent.json') });
    expect(readFileSync(again).equals(zip)).toBe(true);
  });

  it('passes python zipfile\'s CRC test (an independent reader)', () => {
    const out = spawnSync(requireCommand('python3', FROM_DEBIAN('python3')), ['-m', 'zipfile', '-t', outFile], { encoding: 'utf8' });
    expect(out.stderr + out.stdout).toMatch(/Done testing/);
    expect(out.status).toBe(0);
  });

});

describe('icons', () => {
  const color = readFileSync(join(appPackageDir(), 'color.png'));
  const outline = readFileSync(join(appPackageDir(), 'outline.png'));

  it('are 192x192 (colour) and 32x32 (outline) 8-bit RGBA PNGs', () => {
    expect(readPngHeader(color)).toEqual({ width: 192, height: 192, bitDepth: 8, colorType: 6 });
    expect(readPngHeader(outline)).toEqual({ width: 32, height: 32, bitDepth: 8, colorType: 6 });
  });

  it('the outline icon is white on transparent only', () => {
    const px = pngPixels(outline);
    let clear = 0;
    for (let i = 0; i < px.length; i += 4) {
      if (px[i + 3] === 0) clear++;
      else expect([px[i], px[i + 1], px[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(clear).toBeGreaterThan(32 * 32 * 0.3);
    expect(clear).toBeLessThan(32 * 32 * 0.9);
  });



  it('a corrupted PNG header is caught', () => {
    const bad = Buffer.from(color);
    bad[17] = 0xff;
    expect(() => readPngHeader(bad)).toThrow(/CRC/);
    expect(() => readPngHeader(Buffer.from('not a png at all, clearly not a png'))).toThrow(/signature/);
  });
});

describe('the zip writer', () => {
  it('refuses unsafe and duplicate entry names', () => {
    const data = Buffer.from('x');
    expect(() => createZip([{ name: '../evil', data }])).toThrow(/unsafe/);
    expect(() => createZip([{ name: '/abs', data }])).toThrow(/unsafe/);
    expect(() => createZip([{ name: 'a', data }, { name: 'a', data }])).toThrow(/duplicate/);
    expect(readZip(createZip([{ name: 'empty.txt', data: Buffer.alloc(0) }]))).toEqual([{ name: 'empty.txt', method: 0, data: Buffer.alloc(0) }]);
  });
});

const CLI = join(projectRoot(), 'dist', 'src', 'teams-app', 'teams-package-cli.js');
describe('teams:package CLI (built)', () => {
  // Built by `npm test` (it runs the build first); run alone, say so rather than skip silently.
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does it)`);
  });

  it('exits 1 with a clear message and prints no path when MICROSOFT_APP_ID is missing', () => {
    const env: Obj = { ...process.env };
    delete env.MICROSOFT_APP_ID;
    delete env.TEAMS_APP_ID;
    const out = spawnSync(process.execPath, [CLI], { encoding: 'utf8', env: env as NodeJS.ProcessEnv });
    expect(out.status).toBe(1);
    expect(out.stderr).toMatch(/teams:package failed: MICROSOFT_APP_ID is not set/);
    expect(out.stdout).toBe('');
  });
});
