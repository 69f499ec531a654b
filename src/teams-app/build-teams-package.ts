import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkManifestSchema, type SchemaCheck } from './manifest-schema.js';
import { fillManifestTemplate, manifestIdsFromEnv } from './manifest-config.js';
import { readPngHeader } from './png.js';

/** The icon sizes Teams requires. */
export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;
import { createZip } from './zip.js';
import {
  appPackageDir, COLOR_ICON_FILE, defaultPackagePath, defaultSchemaPath, OUTLINE_ICON_FILE, projectRoot, TEMPLATE_FILE,
} from './paths.js';

export interface BuildOptions {
  env?: Readonly<Record<string, string | undefined>>;
  root?: string;
  /** Where to write the zip; default build/warmline-teams.zip. */
  outFile?: string;
  /** The v1.17 manifest schema; default ../shared/external/teams-manifest/ (skipped if absent). */
  schemaPath?: string;
}

export interface BuiltPackage {
  outFile: string;
  manifest: Record<string, unknown>;
  schema: SchemaCheck;
  files: string[];
}

/** Fill the manifest from the environment and validate it, without writing anything. */
export async function buildManifest(options: BuildOptions = {}): Promise<{ manifest: Record<string, unknown>; schema: SchemaCheck }> {
  const root = options.root ?? projectRoot();
  const ids = manifestIdsFromEnv(options.env ?? process.env);
  const template = readFileSync(join(appPackageDir(root), TEMPLATE_FILE), 'utf8');
  const manifest = fillManifestTemplate(template, ids);
  const schemaPath = options.schemaPath ?? defaultSchemaPath(root);
  const { errors, ...schema } = await checkManifestSchema(manifest, schemaPath);
  if (errors.length) throw new Error(`manifest does not match the Teams manifest schema ${schemaPath}:\n  ${errors.join('\n  ')}`);
  return { manifest, schema };
}

// Teams rejects packages whose icons have the wrong size, with an unhelpful message.
function readIcon(dir: string, file: string, size: number): Buffer {
  const png = readFileSync(join(dir, file));
  const { width, height } = readPngHeader(png);
  if (width !== size || height !== size) throw new Error(`${file} must be ${size}x${size} pixels, is ${width}x${height}`);
  return png;
}

/** Write the Teams app package: manifest.json, color.png and outline.png at the zip root. */
export async function buildTeamsPackage(options: BuildOptions = {}): Promise<BuiltPackage> {
  const root = options.root ?? projectRoot();
  const { manifest, schema } = await buildManifest({ ...options, root });
  const dir = appPackageDir(root);
  const entries = [
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
    { name: COLOR_ICON_FILE, data: readIcon(dir, COLOR_ICON_FILE, COLOR_ICON_SIZE) },
    { name: OUTLINE_ICON_FILE, data: readIcon(dir, OUTLINE_ICON_FILE, OUTLINE_ICON_SIZE) },
  ];
  const outFile = options.outFile ?? defaultPackagePath(root);
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, createZip(entries));
  return { outFile, manifest, schema, files: entries.map((e) => e.name) };
}
