import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EntraApiTokens, looksLikeJwt } from '../src/channels/auth/entra-api-token.js';
import { createWarmlineServer } from '../src/channels/botframework/create-server.js';
import { loadConfig } from '../src/config/app-config.js';
import { createLogger } from '../src/config/logger.js';

// A loopback stand-in for Entra's key endpoint, counting how often it is asked.
const TENANT = '11111111-2222-3333-4444-555555555555';
const OTHER_TENANT = '99999999-8888-7777-6666-555555555555';
const AUDIENCE = 'api://warmline-test';
let jwksServer: Server;
let jwksUrl: string;
let fetches = 0;
let signingKey: CryptoKey;
let strangerKey: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey as CryptoKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey as CryptoKey;
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  jwksServer = createServer((_req, res) => {
    fetches++;
    // Two statements: restify, loaded by the server test below, patches writeHead so it no longer returns `res`.
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((done) => jwksServer.listen(0, '127.0.0.1', done));
  jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/keys`;
});
afterAll(() => new Promise<void>((done) => jwksServer.close(() => done())));

const issuer = (tid: string) => `https://login.example.test/${tid}/v2.0`;
const tokens = () => new EntraApiTokens({ audience: AUDIENCE, allowedTenants: [TENANT], issuerTemplate: 'https://login.example.test/{tenantid}/v2.0', jwksUrl });

async function token(claims: Record<string, unknown> = {}, options: { key?: CryptoKey; expiresIn?: string; kid?: string } = {}): Promise<string> {
  const { tid = TENANT, aud = AUDIENCE, iss = issuer(String(tid)), ...rest } = claims;
  return new SignJWT({ tid, oid: 'agent-oid-1', ...rest })
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'k1' })
    .setIssuer(String(iss))
    .setAudience(aud as string)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '10m')
    .sign(options.key ?? signingKey);
}

describe('Entra ID tokens for the HTTP API', () => {
  it('a token of an allowed tenant for this API names its caller', async () => {
    expect(await tokens().verify(await token())).toEqual({ tenant: TENANT, subject: 'agent-oid-1' });
  });

  it('refuses forged, expired, foreign and mis-addressed tokens with a plain null, never an exception', async () => {
    const verifier = tokens();
    const forged = [
      await token({}, { key: strangerKey }), // signed with another key
      await token({}, { expiresIn: '-5m' }), // expired (beyond the minute of clock tolerance)
      await token({ iss: 'https://evil.example/v2.0' }), // another issuer
      `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ tid: TENANT, aud: AUDIENCE, oid: 'x' })).toString('base64url')}.`,
      'not.a.token',
      'wl_abc_def',
    ];
    for (const t of forged) expect(await verifier.verify(t)).toBeNull();
  });

  it('a token for another tenant, another app or signed with "none" costs no call to the key endpoint', async () => {
    const verifier = tokens();
    const before = fetches;
    expect(await verifier.verify(await token({ tid: OTHER_TENANT }))).toBeNull();
    expect(await verifier.verify(await token({ aud: 'api://someone-else' }))).toBeNull();
    expect(fetches).toBe(before);
  });

  it('tells a JWT from an API key', () => {
    expect(looksLikeJwt('eyJhbGciOiJSUzI1NiJ9.eyJ0aWQiOiJ4In0.c2ln')).toBe(true);
    expect(looksLikeJwt('wl_0a1b2c3d_secretsecret')).toBe(false);
  });

  it('will not start without an audience or an allowed tenant', () => {
    expect(() => new EntraApiTokens({ audience: '', allowedTenants: [TENANT], issuerTemplate: '', jwksUrl })).toThrow(/audience/);
    expect(() => new EntraApiTokens({ audience: AUDIENCE, allowedTenants: [], issuerTemplate: '', jwksUrl })).toThrow(/ALLOWED_TENANTS/);
  });
});

describe('the HTTP API with Entra ID set', () => {
  it('answers a valid token, refuses a forged one with a plain 401 (never 500), and no longer trusts loopback alone', async () => {
    const app = createWarmlineServer(
      loadConfig({
        PORT: '0', LOG_LEVEL: 'silent', STORAGE: 'memory', API_KEYS_FILE: join(mkdtempSync(join(tmpdir(), 'warmline-keys-')), 'keys.json'),
        API_ENTRA_AUDIENCE: AUDIENCE, ALLOWED_TENANTS: TENANT, API_ENTRA_ISSUER: 'https://login.example.test/{tenantid}/v2.0', API_ENTRA_JWKS_URL: jwksUrl,
      }),
      createLogger('silent'),
    );
    const base = await app.listen();
    try {
      const call = (authorization?: string) =>
        fetch(`${base}/api/v1/review`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(authorization ? { Authorization: authorization } : {}) }, body: JSON.stringify({ draft: 'Nope.', lang: 'en' }) });
      const ok = await call(`Bearer ${await token()}`);
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { verdict: string }).verdict).toBe('revise');
      for (const bad of [`Bearer ${await token({}, { key: strangerKey })}`, `Bearer ${await token({ tid: OTHER_TENANT })}`, undefined]) {
        const res = await call(bad);
        expect(res.status).toBe(401);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(await res.text()).not.toMatch(/stack|Error:|JWKS|ECONN/u);
      }
    } finally {
      await app.close();
    }
  });
});
