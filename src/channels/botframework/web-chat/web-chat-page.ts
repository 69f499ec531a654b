import { randomBytes } from 'node:crypto';
import type restify from 'restify';
import type { AppConfig } from '../../../config/app-config.js';
import { TOKEN_PATH } from './token-route.js';

export const BUNDLE_PATH = '/webchat/webchat.js';
export const CLIENT_PATH = '/webchat/warmline-chat.js';

/**
 * The browser side, served as a file (not inline) so the page's Content-Security-Policy can forbid
 * inline script. It reads the nonce from its own <script> tag and hands it to Web Chat, whose
 * styles (emotion) are injected at run time and must carry it.
 */
export const CLIENT_SCRIPT = `(function () {
  'use strict';
  var nonce = (document.currentScript && document.currentScript.nonce) || undefined;
  var status = document.getElementById('status');
  var element = document.getElementById('webchat');

  function randomUserId() {
    // Not "dl_": DirectLineJS reserves that prefix for ids embedded in Azure tokens.
    var bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return 'u_' + Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  // One-click copy: "Use this" on a review card puts the alternative on the clipboard as it asks the bot for
  // it, so the agent pastes it into the customer's chat without selecting text. The click still reaches the
  // bot (which answers with the text), and the status line says what happened, for screen readers too.
  function copyChosen() {
    return function (next) {
      return function (action) {
        var value = action && action.payload && action.payload.value;
        if ((action.type === 'WEB_CHAT/SEND_POST_BACK' || action.type === 'WEB_CHAT/SEND_MESSAGE_BACK') && value && value.action === 'use' && typeof value.text === 'string' && navigator.clipboard) {
          navigator.clipboard.writeText(value.text).then(function () {
            status.textContent = 'Copied to the clipboard: paste it into your reply.';
            status.className = 'copied';
            status.hidden = false;
            clearTimeout(copyChosen.timer);
            copyChosen.timer = setTimeout(function () { status.hidden = true; }, 4000);
          }, function () { /* no clipboard permission: the bot's answer still shows the text to copy */ });
        }
        return next(action);
      };
    };
  }

  async function start() {
    var userID = randomUserId();
    var response = await fetch(${JSON.stringify(TOKEN_PATH)}, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: userID, locale: navigator.language })
    });
    if (!response.ok) throw new Error('token request failed: ' + response.status);
    var session = await response.json();
    var offline = session.mode === 'offline';
    var directLine = window.WebChat.createDirectLine(
      offline
        // Our own Direct Line answers polls only, no WebSocket; the domain must be absolute.
        ? { token: session.token, domain: new URL(session.domain, window.location.origin).href.replace(/\\/$/, ''), webSocket: false, pollingInterval: 500 }
        : { token: session.token, domain: session.domain }
    );
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: window.WebChat.createStore({}, function () { return copyChosen(); }),
        locale: navigator.language,
        // With Azure the user id is inside the token; passing another one only earns a warning.
        userID: offline ? userID : undefined,
        nonce: nonce,
        styleOptions: { hideUploadButton: true, sendBoxTextWrap: true, bubbleMaxWidth: 640, bubbleMinWidth: 240 }
      },
      element
    );
    status.hidden = true;
    var input = element.querySelector('input, textarea');
    if (input) input.focus();
  }

  start().catch(function (error) {
    status.textContent = 'Could not connect to Warmline. Reload the page to try again.';
    status.className = 'error';
    console.error(error);
  });
})();
`;

const STYLE = `
  html, body { height: 100%; margin: 0; }
  body { display: flex; flex-direction: column; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: #f5f5f4; color: #1c1917; }
  header { display: flex; align-items: baseline; gap: .75rem; padding: .75rem 1rem; background: #7c2d12; color: #fff7ed; }
  header h1 { margin: 0; font-size: 1.25rem; }
  header p { margin: 0; font-size: .9rem; opacity: .85; }
  main { flex: 1; min-height: 0; display: flex; flex-direction: column; max-width: 960px; width: 100%; margin: 0 auto; background: #fff; }
  #webchat { flex: 1; min-height: 0; }
  #status { margin: 1rem; }
  #status.error { color: #b91c1c; }
  #status.copied { margin: .5rem 1rem; color: #166534; font-weight: 600; }
`;

/** Connections the page may open: itself, plus the Azure Direct Line endpoint (HTTPS and its WebSocket) when configured. */
function connectSources(config: AppConfig): string {
  const sources = ["'self'"];
  if (config.DIRECT_LINE_SECRET) {
    const endpoint = new URL(config.DIRECT_LINE_ENDPOINT);
    sources.push(endpoint.origin, `${endpoint.protocol === 'https:' ? 'wss' : 'ws'}://${endpoint.host}`);
  }
  return sources.join(' ');
}

const EMPTY_STYLE_HASH = 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';

export function contentSecurityPolicy(config: AppConfig, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'self' 'nonce-${nonce}'`,
    // The hash is that of an empty string: react-scroll-to-bottom (inside Web Chat) adds an empty
    // <style> without the nonce and fills it through CSSOM insertRule, which CSP does not police.
    `style-src 'self' 'nonce-${nonce}' '${EMPTY_STYLE_HASH}'`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob:",
    `connect-src ${connectSources(config)}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}

export function renderPage(nonce: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Warmline</title>
<link rel="icon" href="data:,">
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<header><h1>Warmline</h1><p>A second read before you send: paste a draft reply to review it.</p></header>
<main>
<p id="status" role="status">Connecting…</p>
<div id="webchat" role="main"></div>
</main>
<script nonce="${nonce}" src="${BUNDLE_PATH}"></script>
<script nonce="${nonce}" src="${CLIENT_PATH}"></script>
</body>
</html>
`;
}

/** GET / and the page's own script. A fresh nonce per page view keeps the policy meaningful. */
export function registerPage(server: restify.Server, config: AppConfig, gate?: (req: restify.Request, res: restify.Response, page: boolean) => unknown): void {
  server.get('/', (req, res, next) => {
    if (gate && !gate(req, res, true)) return next();
    const nonce = randomBytes(16).toString('base64');
    const body = renderPage(nonce);
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(body)),
      'Cache-Control': 'no-store',
      'Content-Security-Policy': contentSecurityPolicy(config, nonce),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    res.end(body);
    return next();
  });

  server.get(CLIENT_PATH, (_req, res, next) => {
    res.writeHead(200, {
      'Content-Type': 'application/javascript; charset=utf-8',
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(CLIENT_SCRIPT);
    return next();
  });
}
