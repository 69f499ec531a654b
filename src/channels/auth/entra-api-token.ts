import type { AppConfig } from '../../config/app-config.js';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JWTVerifyGetKey } from 'jose';

/**
 * Microsoft Entra ID access tokens for the HTTP API, beside API keys: a helpdesk add-in that signs its users in
 * with Entra calls Warmline on their behalf, and each call is one person of one allowed tenant (issue 9).
 */
export interface EntraApiSettings {
  /** The API's application ID URI or client id: the token's `aud`. */
  audience: string;
  /** Tenants whose users may call (ALLOWED_TENANTS, else the app's own tenant). Never empty. */
  allowedTenants: readonly string[];
  /** The issuer of a tenant's v2.0 tokens, `{tenantid}` standing for the tenant. */
  issuerTemplate: string;
  /** Where Entra publishes its signing keys. */
  jwksUrl: string;
}

export interface EntraCaller {
  tenant: string;
  /** The user's object id (`oid`), or `sub` for an app-only token. */
  subject: string;
}

/** Entra tokens for the HTTP API, or null when no audience is set; the tenants are never left open. */
export function entraApiSettings(config: AppConfig): EntraApiSettings | null {
  if (!config.API_ENTRA_AUDIENCE) return null;
  const allowedTenants = config.ALLOWED_TENANTS.length > 0 ? config.ALLOWED_TENANTS : config.MicrosoftAppTenantId ? [config.MicrosoftAppTenantId.toLowerCase()] : [];
  if (allowedTenants.length === 0) throw new Error('API_ENTRA_AUDIENCE needs ALLOWED_TENANTS or MicrosoftAppTenantId: whose users may call the API?');
  return { audience: config.API_ENTRA_AUDIENCE, allowedTenants, issuerTemplate: config.API_ENTRA_ISSUER, jwksUrl: config.API_ENTRA_JWKS_URL };
}

/** Three base64url parts: a JWT, not an API key (`wl_…`). */
export const looksLikeJwt = (token: string) => /^[\w-]+\.[\w-]+\.[\w-]*$/.test(token);

export class EntraApiTokens {
  private readonly keys: JWTVerifyGetKey;

  constructor(
    private readonly settings: EntraApiSettings,
    keys?: JWTVerifyGetKey,
  ) {
    if (!settings.audience) throw new Error('Entra tokens for the API need an audience (API_ENTRA_AUDIENCE)');
    if (settings.allowedTenants.length === 0) throw new Error('Entra tokens for the API need ALLOWED_TENANTS or MicrosoftAppTenantId');
    // Keys are cached; an unknown key id refetches at most once in 30 s, so forged tokens cannot make us hammer Entra.
    this.keys = keys ?? createRemoteJWKSet(new URL(settings.jwksUrl), { cooldownDuration: 30_000, timeoutDuration: 5_000 });
  }

  /** The caller a valid token names, or null: any fault (forged, expired, other tenant or audience) is a plain no. */
  async verify(token: string): Promise<EntraCaller | null> {
    let tenant: string;
    try {
      // Tenant, audience and algorithm are read before any key is fetched: a token for another tenant or
      // another app, or one signed with "none" or a shared secret, costs no outbound call.
      const claims = decodeJwt(token);
      if (decodeProtectedHeader(token).alg !== 'RS256') return null;
      tenant = typeof claims.tid === 'string' ? claims.tid : '';
      const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
      if (!this.settings.allowedTenants.includes(tenant.toLowerCase()) || !audiences.includes(this.settings.audience)) return null;
    } catch {
      return null;
    }
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        audience: this.settings.audience,
        issuer: this.settings.issuerTemplate.replace('{tenantid}', tenant),
        algorithms: ['RS256'],
        clockTolerance: 60,
      });
      const subject = typeof payload.oid === 'string' ? payload.oid : (payload.sub ?? '');
      return subject ? { tenant, subject } : null;
    } catch {
      return null;
    }
  }
}
