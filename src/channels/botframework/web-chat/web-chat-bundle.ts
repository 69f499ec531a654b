import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type restify from 'restify';

const require = createRequire(import.meta.url);

/**
 * The package root of botframework-webchat. Its "exports" (4.18) list only ".", so resolving
 * "botframework-webchat/package.json" throws ERR_PACKAGE_PATH_NOT_EXPORTED; we try that first and
 * otherwise walk up from the package's entry point to its package.json.
 */
export function webChatPackageRoot(): string {
  try {
    return dirname(require.resolve('botframework-webchat/package.json'));
  } catch {
    let dir = dirname(require.resolve('botframework-webchat'));
    for (;;) {
      const manifest = join(dir, 'package.json');
      if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'botframework-webchat') return dir;
      const parent = dirname(dir);
      if (parent === dir) throw new Error('botframework-webchat is not installed');
      dir = parent;
    }
  }
}

interface Bundle {
  plain: Buffer;
  gzipped: Buffer;
  etag: string;
}

/**
 * Serves Web Chat's prebuilt bundle (dist/webchat.js, about 3.9 MB) from memory, gzipped for
 * browsers that accept it (about a quarter the size). Loaded on first request, then kept: the
 * file does not change while the server runs.
 */
export function webChatBundleHandler(): (req: restify.Request, res: restify.Response) => Promise<void> {
  let loading: Promise<Bundle> | undefined;
  const load = async (): Promise<Bundle> => {
    const root = webChatPackageRoot();
    const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
    const plain = await readFile(join(root, 'dist', 'webchat.js'));
    const gzipped = await promisify(gzip)(plain);
    return { plain, gzipped, etag: `"webchat-${version}-${plain.length}"` };
  };

  return async (req, res) => {
    let bundle: Bundle;
    try {
      bundle = await (loading ??= load());
    } catch (error) {
      loading = undefined; // try again next time, e.g. after npm install
      res.send(500, { error: { code: 'ServiceError', message: `Web Chat bundle unavailable: ${(error as Error).message}` } });
      return;
    }
    const headers: Record<string, string> = {
      'Content-Type': 'application/javascript; charset=utf-8',
      // A day is plenty; the ETag makes the daily revalidation cheap.
      'Cache-Control': 'public, max-age=86400',
      ETag: bundle.etag,
      Vary: 'Accept-Encoding',
      'X-Content-Type-Options': 'nosniff',
    };
    if (req.header('if-none-match') === bundle.etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const gzipOk = /\bgzip\b/.test(req.header('accept-encoding') ?? '');
    const body = gzipOk ? bundle.gzipped : bundle.plain;
    if (gzipOk) headers['Content-Encoding'] = 'gzip';
    headers['Content-Length'] = String(body.length);
    res.writeHead(200, headers);
    res.end(body);
  };
}
