import type { AppConfig } from '../../config/app-config.js';

/**
 * Checks a request to /api/messages before the Bot Framework adapter sees it, so that bad input is answered
 * at once, plainly, and without an outbound call: a body that is no activity is a 400; with an app id set, a
 * token that cannot be a Bot Framework token (not a JWT, alg "none" or HMAC, expired, for another audience,
 * from an issuer Bot Framework never uses) is a 401. A token that passes these checks still goes through the
 * adapter's full signature validation.
 */
export type GuardResult = { ok: true } | { ok: false; status: 400 | 401; error: string };

/** Issuers of Bot Framework and Entra ID tokens a bot receives (public cloud and single-tenant bots). */
const ISSUER = /^(https:\/\/api\.botframework\.com|https:\/\/sts\.windows\.net\/[0-9a-f-]{36}\/|https:\/\/login\.microsoftonline\.com\/[0-9a-f-]{36}\/v2\.0|https:\/\/api\.botframework\.us|https:\/\/sts\.windows\.net\/[0-9a-z.-]+\/)$/i;
/** Clock skew Bot Framework itself allows. */
const SKEW_S = 300;

function decodeSegment(segment: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function checkActivityRequest(body: unknown, authorization: string | undefined, config: Pick<AppConfig, 'MicrosoftAppId'>, nowS = Date.now() / 1000): GuardResult {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, status: 400, error: 'The body must be a JSON Bot Framework activity.' };
  const activity = body as { type?: unknown; serviceUrl?: unknown; deliveryMode?: unknown };
  if (typeof activity.type !== 'string' || !activity.type) return { ok: false, status: 400, error: 'The activity has no type.' };
  // Replies go to the activity's serviceUrl; without one only an invoke or an expectReplies turn can be answered.
  const answersInline = activity.type === 'invoke' || activity.deliveryMode === 'expectReplies';
  if (!answersInline && (typeof activity.serviceUrl !== 'string' || !/^https?:\/\//.test(activity.serviceUrl))) {
    return { ok: false, status: 400, error: 'The activity has no serviceUrl to answer to.' };
  }
  if (!config.MicrosoftAppId) return { ok: true };
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) return { ok: false, status: 401, error: 'Unauthorized.' };
  const [h, p, sig] = token.split('.');
  const header = h ? decodeSegment(h) : null;
  const payload = p ? decodeSegment(p) : null;
  if (!header || !payload || !sig) return { ok: false, status: 401, error: 'Unauthorized.' };
  if (typeof header.alg !== 'string' || !/^(RS|PS)(256|384|512)$/.test(header.alg) || typeof header.kid !== 'string') return { ok: false, status: 401, error: 'Unauthorized.' };
  if (typeof payload.exp !== 'number' || payload.exp + SKEW_S < nowS) return { ok: false, status: 401, error: 'Unauthorized.' };
  if (typeof payload.nbf === 'number' && payload.nbf - SKEW_S > nowS) return { ok: false, status: 401, error: 'Unauthorized.' };
  const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!aud.includes(config.MicrosoftAppId)) return { ok: false, status: 401, error: 'Unauthorized.' };
  if (typeof payload.iss !== 'string' || !ISSUER.test(payload.iss)) return { ok: false, status: 401, error: 'Unauthorized.' };
  return { ok: true };
}
