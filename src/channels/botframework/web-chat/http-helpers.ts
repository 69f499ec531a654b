import type restify from 'restify';

/** Errors in the Direct Line shape (`{ error: { code, message } }`), so clients can show something useful. */
export function sendError(res: restify.Response, status: number, code: string, message: string): void {
  res.header('Cache-Control', 'no-store');
  res.send(status, { error: { code, message } });
}

/** The token from `Authorization: Bearer <token>`, or undefined when there is none. */
export function bearerToken(req: restify.Request): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.header('authorization') ?? '');
  return match?.[1];
}

/**
 * The JSON object in the body. The server's body parser has already refused malformed JSON sent as
 * application/json; this also covers a body sent as text, a JSON array or a bare value.
 * `undefined` means "not an object"; an empty body counts as `{}` when `allowEmpty`.
 */
export function objectBody(req: restify.Request, allowEmpty = false): Record<string, unknown> | undefined {
  let body: unknown = req.body;
  if (Buffer.isBuffer(body)) body = body.toString('utf8');
  if (typeof body === 'string') {
    if (body.trim() === '') return allowEmpty ? {} : undefined;
    try {
      body = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  if (body === undefined || body === null) return allowEmpty ? {} : undefined;
  return typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
}

/** This server's origin as the client reached it; a Host header that is not a plain host falls back to localhost. */
export function originOf(req: restify.Request): string {
  const host = req.header('host') ?? '';
  const safeHost = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? host : 'localhost';
  return `${req.isSecure() ? 'https' : 'http'}://${safeHost}`;
}

/** A user id we are willing to put into activities: short, no markup. */
export function cleanUserId(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9_.:@-]{1,64}$/.test(value) ? value : undefined;
}

/** A BCP 47-looking locale (navigator.language), or undefined. */
export function cleanLocale(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= 35 && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(value) ? value : undefined;
}
