import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type restify from 'restify';
import type { AppConfig } from '../../config/app-config.js';
import type { DashboardFilters, ReviewEventLog } from '../../store/review-event-log.js';
import type { EntraSignIn } from '../auth/entra-sign-in.js';
import { isLoopback } from '../http-api/register-http-api.js';
import { CHART_LIBRARY_PATH, DASHBOARD_SCRIPT, DASHBOARD_SCRIPT_PATH, NO_TEAM, dashboardCsv, renderDashboard } from './dashboard-page.js';

const require = createRequire(import.meta.url);

/**
 * Who may open the dashboard: with sign-in (Entra ID), supervisors only (the app role "Supervisor", or listed in
 * SUPERVISORS); offline without it (no app id), this machine only; with an app id and no sign-in, nobody.
 */
export type DashboardAccess = 'signed-in' | 'localhost' | 'off';

export function dashboardAccess(config: Pick<AppConfig, 'MicrosoftAppId'>, signIn?: EntraSignIn): DashboardAccess {
  if (signIn) return 'signed-in';
  return config.MicrosoftAppId ? 'off' : 'localhost';
}

function filtersFrom(query: Record<string, unknown> | undefined): DashboardFilters {
  const days = Number(query?.days);
  const lang = typeof query?.lang === 'string' && ['fi', 'pl', 'hu', 'en'].includes(query.lang) ? query.lang : undefined;
  const channel = typeof query?.channel === 'string' && /^[a-z]{2,20}$/.test(query.channel) ? query.channel : undefined;
  // A Teams team id ("19:…@thread.tacv2"), a conversation kind, or "none"; anything else means every team.
  const team = typeof query?.team === 'string' && /^[\w:@.-]{1,200}$/.test(query.team) ? (query.team === NO_TEAM ? null : query.team) : undefined;
  return { days: [7, 30, 90].includes(days) ? days : 30, ...(team !== undefined ? { team } : {}), ...(lang ? { lang } : {}), ...(channel ? { channel } : {}) };
}

/**
 * GET /dashboard (the supervisors' page), /dashboard.csv, and the page's two scripts, all from this server (no
 * external URL; the same CSP discipline as the web chat). Only aggregates of the review events, never text.
 */
export function registerDashboard(server: restify.Server, deps: { config: AppConfig; events: ReviewEventLog; signIn?: EntraSignIn }): DashboardAccess {
  const access = dashboardAccess(deps.config, deps.signIn);
  /**
   * Whom the request may see: a signed-in supervisor sees their own tenant only (its figures, and the names it mapped),
   * this machine offline sees every tenant; null after answering 401, 403 or the redirect to sign in itself.
   */
  const admit = (req: restify.Request, res: restify.Response): { tenant?: string } | null => (refuse(req, res) ? null : access === 'signed-in' ? { tenant: deps.signIn?.sessionOf(req)?.tid ?? '' } : {});
  const refuse = (req: restify.Request, res: restify.Response): boolean => {
    if (access === 'localhost' && isLoopback(req.socket.remoteAddress)) return false;
    if (access === 'signed-in' && deps.signIn) {
      const session = deps.signIn.sessionOf(req);
      if (!session) {
        // The page sends the browser to sign in; its files and the CSV just say 401.
        if (req.path() === '/dashboard') deps.signIn.redirectToSignIn(res, req.url ?? '/dashboard');
        else res.send(401, { error: 'Sign in first: open /dashboard.' });
        return true;
      }
      if (session.roles.includes('Supervisor') || deps.config.SUPERVISORS.includes(session.oid)) return false;
      res.send(403, { error: 'The dashboard is for supervisors (the app role "Supervisor", or SUPERVISORS).' });
      return true;
    }
    res.status(403);
    res.json({ error: access === 'off' ? 'The dashboard needs sign-in (SIGN_IN_* settings); ask "team report" in Teams.' : 'The dashboard is served to this machine only.' });
    return true;
  };
  let chartLibrary: Buffer | undefined;

  server.get('/dashboard', async (req, res) => {
    const scope = admit(req, res);
    if (!scope) return;
    const filters = { ...filtersFrom(req.query as Record<string, unknown>), ...scope };
    const nonce = randomBytes(16).toString('base64');
    const body = renderDashboard(await deps.events.dashboard(filters), filters, nonce);
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': `default-src 'none'; script-src 'self' 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    res.end(body);
  });

  server.get('/dashboard.csv', async (req, res) => {
    const scope = admit(req, res);
    if (!scope) return;
    const query = req.query as Record<string, unknown>;
    const which = typeof query?.table === 'string' ? query.table : 'perDay';
    const csv = dashboardCsv(await deps.events.dashboard({ ...filtersFrom(query), ...scope }), which);
    res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="warmline-${which}.csv"`, 'Cache-Control': 'no-store' });
    res.end(csv);
  });

  server.get(DASHBOARD_SCRIPT_PATH, (req, res, next) => {
    if (refuse(req, res)) return next();
    res.writeHead(200, { 'Content-Type': 'application/javascript; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.end(DASHBOARD_SCRIPT);
    return next();
  });

  server.get(CHART_LIBRARY_PATH, (req, res, next) => {
    if (refuse(req, res)) return next();
    // Chart.js from node_modules, served by this server: the page never loads anything from elsewhere.
    // chart.js exports no subpath for its UMD build: it sits beside the CommonJS entry.
    chartLibrary ??= readFileSync(join(dirname(require.resolve('chart.js')), 'chart.umd.js'));
    res.writeHead(200, { 'Content-Type': 'application/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=86400' });
    res.end(chartLibrary);
    return next();
  });
  return access;
}
