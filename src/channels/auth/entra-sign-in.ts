import { createHmac, timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import type restify from 'restify';

/**
 * Sign-in with Microsoft Entra ID (OpenID Connect, authorization code with PKCE, by openid-client) for the pages a
 * deployment must not serve to strangers: the supervisors' dashboard. The tenant allow-list applies; a signed,
 * HTTP-only session cookie (8 hours) carries the user's object id, tenant and app roles, never a token.
 */
export interface SignInSettings {
  /** https://login.microsoftonline.com/<tenant id>/v2.0 (or a test provider on loopback). */
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** Where this server is reached from a browser, e.g. https://warmline.example.com */
  publicUrl: string;
  /** Keys the cookies (at least 32 characters). */
  sessionSecret: string;
  allowedTenants: readonly string[];
  /** Plain HTTP to the provider (tests on loopback only). */
  insecure?: boolean;
}

export interface Session {
  oid: string;
  tid: string;
  name: string;
  roles: string[];
  exp: number;
}

const SESSION = 'wl_session';
const FLOW = 'wl_signin';
const SESSION_SECONDS = 8 * 3600;

function cookies(req: restify.Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

export class EntraSignIn {
  private constructor(
    private readonly settings: SignInSettings,
    private readonly config: client.Configuration,
  ) {}

  static async create(settings: SignInSettings): Promise<EntraSignIn> {
    if (settings.sessionSecret.length < 32) throw new Error('SESSION_SECRET must be at least 32 characters');
    const config = await client.discovery(settings.issuer, settings.clientId, settings.clientSecret, undefined, settings.insecure ? { execute: [client.allowInsecureRequests] } : undefined);
    return new EntraSignIn(settings, config);
  }

  private get secure(): boolean {
    return this.settings.publicUrl.startsWith('https://');
  }

  private sign(value: object): string {
    const body = Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${body}.${createHmac('sha256', this.settings.sessionSecret).update(body).digest('base64url')}`;
  }

  private verify<T>(signed: string | undefined): T | undefined {
    if (!signed) return undefined;
    const [body, mac] = signed.split('.');
    if (!body || !mac) return undefined;
    const expected = Buffer.from(createHmac('sha256', this.settings.sessionSecret).update(body).digest('base64url'));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T;
    } catch {
      return undefined;
    }
  }

  private cookie(name: string, value: string, maxAge: number): string {
    return `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${this.secure ? '; Secure' : ''}`;
  }

  /** The signed-in user of this request, if the session cookie is genuine and current. */
  sessionOf(req: restify.Request): Session | undefined {
    const session = this.verify<Session>(cookies(req)[SESSION]);
    return session && session.exp > Date.now() / 1000 ? session : undefined;
  }

  /** Sends the browser to sign in, and back to `returnTo` (a path on this server) afterwards. */
  redirectToSignIn(res: restify.Response, returnTo: string): void {
    res.header('Location', `/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
    res.send(302);
  }

  register(server: restify.Server): void {
    const redirectUri = `${this.settings.publicUrl.replace(/\/$/, '')}/auth/callback`;

    server.get('/auth/login', async (req, res) => {
      const raw = String((req.query as Record<string, unknown> | undefined)?.returnTo ?? '/');
      // Only a path on this server: never an open redirect.
      const returnTo = /^\/(?!\/)[\w\-./?=&%]*$/.test(raw) ? raw : '/';
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(this.config, {
        redirect_uri: redirectUri,
        scope: 'openid profile',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      res.header('Set-Cookie', this.cookie(FLOW, this.sign({ verifier, state, nonce, returnTo }), 600));
      res.header('Location', url.href);
      res.send(302);
    });

    server.get('/auth/callback', async (req, res) => {
      const flow = this.verify<{ verifier: string; state: string; nonce: string; returnTo: string }>(cookies(req)[FLOW]);
      if (!flow) {
        res.send(400, { error: 'The sign-in expired or did not start here; open the page again.' });
        return;
      }
      try {
        const tokens = await client.authorizationCodeGrant(this.config, new URL(req.url ?? '/', this.settings.publicUrl), {
          pkceCodeVerifier: flow.verifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims() as { oid?: string; sub?: string; tid?: string; name?: string; roles?: string[] } | undefined;
        const tid = String(claims?.tid ?? '').toLowerCase();
        if (!claims || (this.settings.allowedTenants.length > 0 && !this.settings.allowedTenants.includes(tid))) {
          res.send(403, { error: 'This tenant may not use Warmline.' });
          return;
        }
        const session: Session = { oid: String(claims.oid ?? claims.sub ?? ''), tid, name: String(claims.name ?? ''), roles: Array.isArray(claims.roles) ? claims.roles.map(String) : [], exp: Math.floor(Date.now() / 1000) + SESSION_SECONDS };
        res.header('Set-Cookie', [this.cookie(SESSION, this.sign(session), SESSION_SECONDS), this.cookie(FLOW, '', 0)]);
        res.header('Location', flow.returnTo);
        res.send(302);
      } catch {
        // A wrong state, a replayed code, a bad token: one plain answer, never the library's error text.
        res.send(401, { error: 'Sign-in failed; open the page again.' });
      }
    });

    server.get('/auth/logout', (_req, res, next) => {
      res.header('Set-Cookie', this.cookie(SESSION, '', 0));
      res.send(200, { status: 'signed out' });
      return next();
    });
  }
}
