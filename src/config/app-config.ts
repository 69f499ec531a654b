import { z } from 'zod';

/**
 * Settings from the environment, validated once at start-up (never per request). Everything has an
 * offline default: with no settings at all the bot runs locally on the deterministic engine.
 */

const SettingsSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default('0.0.0.0'),
  MicrosoftAppId: z.string().default(''),
  MicrosoftAppPassword: z.string().default(''),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: z.string().default(''),
  ALLOWED_TENANTS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)),
  MAX_DRAFT_CHARS: z.coerce.number().int().min(100).max(100_000).default(8000),
  /**
   * Where bot state lives: `database` (default) is PGlite under DATA_DIR, or PostgreSQL when DATABASE_URL is set;
   * `memory` forgets everything on restart (tests, throwaway demos).
   */
  STORAGE: z.enum(['database', 'memory']).default('database'),
  DATABASE_URL: z.string().regex(/^(postgres|postgresql):\/\/./, 'must be a postgres:// URL').or(z.literal('')).default(''),
  DATA_DIR: z.string().default('data'),
  /** Conversation and user state not touched for this many days is deleted, so storage follows active users, not history. */
  STATE_TTL_DAYS: z.coerce.number().min(0.01).max(3650).default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DIRECT_LINE_SECRET: z.string().default(''),
  DIRECT_LINE_ENDPOINT: z.string().url().default('https://directline.botframework.com/v3/directline'),
  /**
   * The built-in web chat: `auto` (default) serves it openly only where there is no app id (a laptop); with an
   * app id it runs only through Azure Direct Line (DIRECT_LINE_SECRET), never through the open offline
   * endpoint. `public` opens the offline endpoint anyway (the start-up log says so); `off` serves no web chat.
   */
  WEB_CHAT: z.enum(['auto', 'public', 'off']).default('auto'),
  /**
   * How alternatives address the customer where a draft shows neither way, per language: `fi=te` (the polite
   * plural instead of sinä), `hu=te` (tegezés instead of Ön). A draft's own register always wins.
   */
  REPLY_REGISTER: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const out: Record<string, string> = {};
      for (const part of v.split(',').map((p) => p.trim()).filter(Boolean)) {
        const m = /^(fi|hu)=(sina|te|on)$/.exec(part);
        if (!m || (m[1] === 'fi' && m[2] === 'on') || (m[1] === 'hu' && m[2] === 'sina')) {
          ctx.addIssue({ code: 'custom', message: `"${part}": use fi=sina|te and hu=on|te, comma-separated` });
          return z.NEVER;
        }
        out[m[1]!] = m[2]!;
      }
      return out as Partial<Record<'fi' | 'hu', string>>;
    }),
  /** Who may ask for `team report`: Entra object ids, comma-separated; empty: everyone (fine without an app id). */
  SUPERVISORS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)),
  /**
   * Sign-in with Entra ID for the dashboard: on when PUBLIC_URL and SESSION_SECRET are set with an app id. The issuer
   * defaults to the app's tenant (MicrosoftAppTenantId); the client is the bot's app registration unless given.
   */
  PUBLIC_URL: z.string().url().or(z.literal('')).default(''),
  SESSION_SECRET: z.string().default(''),
  SIGN_IN_ISSUER: z.string().url().or(z.literal('')).default(''),
  SIGN_IN_CLIENT_ID: z.string().default(''),
  SIGN_IN_CLIENT_SECRET: z.string().default(''),
  /** Review events (what was found, what the agent chose; never text) are kept this many days. */
  REVIEW_RETENTION_DAYS: z.coerce.number().min(1).max(3650).default(180),
  /**
   * `true` (and only the word true) stores each reviewed draft beside its review event, for a QA lead who must read
   * them; kept REVIEW_TEXT_RETENTION_DAYS (default 30), which may not outlast the events themselves. Off by default:
   * then no draft or customer text is stored anywhere.
   */
  REVIEW_STORE_TEXT: z.enum(['true', 'false', '']).default('false').transform((v) => v === 'true'),
  REVIEW_TEXT_RETENTION_DAYS: z.coerce.number().min(1).max(3650).default(30),
  /** Keys the agents' pseudonyms in the review events; empty: one is generated once and kept in the database. */
  EVENTS_SECRET: z.string().default(''),
  /** With a database: how often each instance checks for a newly published knowledge base (npm run kb:publish). */
  KB_RELOAD_SECONDS: z.coerce.number().min(0.05).max(3600).default(10),
  /** Model calls a user, and a whole tenant, may make a UTC day in LLM mode; past either, the offline engine answers. */
  LLM_CALLS_PER_USER_PER_DAY: z.coerce.number().int().min(0).max(1_000_000).default(300),
  LLM_CALLS_PER_TENANT_PER_DAY: z.coerce.number().int().min(0).max(100_000_000).default(20_000),
  /** The HTTP API's keys (hashed; `npm run apikey`) and its rate limit per client. */
  API_KEYS_FILE: z.string().default('data/api-keys.json'),
  API_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  API_RATE_BURST: z.coerce.number().int().min(1).max(100_000).default(30),
  /**
   * Entra ID access tokens for the HTTP API, beside API keys: the API's application ID URI or client id (the
   * tokens' audience). Empty: only API keys. The tenants are ALLOWED_TENANTS, else the app's own tenant.
   */
  API_ENTRA_AUDIENCE: z.string().default(''),
  /** A tenant's v2.0 issuer ({tenantid} stands for the tenant) and Entra's signing keys: changed only for tests. */
  API_ENTRA_ISSUER: z.string().default('https://login.microsoftonline.com/{tenantid}/v2.0'),
  API_ENTRA_JWKS_URL: z.string().url().default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
});

/**
 * Stored text must not outlive the event it belongs to. Checked only when text is stored, so shortening the events'
 * retention alone never fails a start-up over a setting that is not in use.
 */
const AppConfigSchema = SettingsSchema.superRefine((c, ctx) => {
  if (c.REVIEW_STORE_TEXT && c.REVIEW_TEXT_RETENTION_DAYS > c.REVIEW_RETENTION_DAYS) {
    ctx.addIssue({ code: 'custom', path: ['REVIEW_TEXT_RETENTION_DAYS'], message: `${c.REVIEW_TEXT_RETENTION_DAYS} days is longer than REVIEW_RETENTION_DAYS (${c.REVIEW_RETENTION_DAYS}): stored text may not outlast its event` });
  }
});

/** How the web chat is served, from the settings (see WEB_CHAT). */
export type WebChatMode = 'offline-open' | 'offline-signed-in' | 'azure' | 'off';

export function webChatMode(config: Pick<AppConfig, 'WEB_CHAT' | 'MicrosoftAppId' | 'DIRECT_LINE_SECRET'>, signIn = false): WebChatMode {
  if (config.WEB_CHAT === 'off') return 'off';
  if (config.DIRECT_LINE_SECRET && config.WEB_CHAT !== 'public') return 'azure';
  if (config.WEB_CHAT === 'public' || !config.MicrosoftAppId) return 'offline-open';
  // With an app id, the offline endpoint is served only behind sign-in with Entra ID.
  return signIn ? 'offline-signed-in' : 'off';
}

export type AppConfig = z.infer<typeof AppConfigSchema>;

/** The sign-in settings, when the deployment has them (see PUBLIC_URL); null otherwise. */
export function signInSettings(config: AppConfig): { issuer: URL; clientId: string; clientSecret: string; publicUrl: string; sessionSecret: string; allowedTenants: string[] } | null {
  const clientId = config.SIGN_IN_CLIENT_ID || config.MicrosoftAppId;
  const issuer = config.SIGN_IN_ISSUER || (config.MicrosoftAppTenantId ? `https://login.microsoftonline.com/${config.MicrosoftAppTenantId}/v2.0` : '');
  if (!config.PUBLIC_URL || !config.SESSION_SECRET || !clientId || !issuer) return null;
  return { issuer: new URL(issuer), clientId, clientSecret: config.SIGN_IN_CLIENT_SECRET || config.MicrosoftAppPassword, publicUrl: config.PUBLIC_URL, sessionSecret: config.SESSION_SECRET, allowedTenants: config.ALLOWED_TENANTS };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = AppConfigSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`configuration: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

export const APP_VERSION = '0.1.0';
