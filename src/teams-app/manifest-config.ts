// Turns environment variables into the three template values, failing with a message that
// names the variable: a wrong id otherwise only surfaces later as a vague Teams upload error.

export interface ManifestIds {
  teamsAppId: string;
  microsoftAppId: string;
  botDomain: string;
}

export const DEFAULT_BOT_DOMAIN = 'localhost:3978';

// Same pattern as the schema's #/definitions/guid.
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const NIL_GUID = '00000000-0000-0000-0000-000000000000';
// A bare host with an optional port: validDomains takes no scheme or path.
const DOMAIN = /^(\*\.)?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:\d{1,5})?$/;

type Env = Readonly<Record<string, string | undefined>>;

function guid(name: string, raw: string | undefined, hint: string): string {
  const value = raw?.trim() ?? '';
  if (!value) throw new Error(`${name} is not set. ${hint}`);
  if (!GUID.test(value)) throw new Error(`${name} must be a GUID like 8a2f0c9e-1b3d-4e5f-9a7b-0c1d2e3f4a5b, got "${value}". ${hint}`);
  if (value === NIL_GUID) throw new Error(`${name} is the all-zero GUID, which is a placeholder, not a real id. ${hint}`);
  return value.toLowerCase();
}

export function manifestIdsFromEnv(env: Env = process.env): ManifestIds {
  const appHint = 'Set it to the bot\'s Microsoft App ID (Azure Bot resource > Configuration > Microsoft App ID).';
  const microsoftAppId = guid('MICROSOFT_APP_ID', env.MICROSOFT_APP_ID, appHint);
  // Reusing the bot id as the Teams app id is the usual single-bot setup.
  const teamsAppId = env.TEAMS_APP_ID?.trim()
    ? guid('TEAMS_APP_ID', env.TEAMS_APP_ID, 'Leave it unset to reuse MICROSOFT_APP_ID.')
    : microsoftAppId;
  const botDomain = env.BOT_DOMAIN?.trim() || DEFAULT_BOT_DOMAIN;
  if (!DOMAIN.test(botDomain) || botDomain.length > 2048) {
    throw new Error(`BOT_DOMAIN must be a host name with an optional port, like warmline.example.com or ${DEFAULT_BOT_DOMAIN} (no https:// and no path), got "${botDomain}".`);
  }
  return { teamsAppId, microsoftAppId, botDomain };
}

/** Fill the {{PLACEHOLDER}}s of the template text and parse it; any placeholder left over is an error. */
export function fillManifestTemplate(template: string, ids: ManifestIds): Record<string, unknown> {
  const values: Record<string, string> = {
    TEAMS_APP_ID: ids.teamsAppId,
    MICROSOFT_APP_ID: ids.microsoftAppId,
    BOT_DOMAIN: ids.botDomain,
  };
  const unknown = new Set<string>();
  const filled = template.replace(/\{\{\s*([A-Z0-9_]+)\s*\}\}/g, (whole, key: string) => {
    const value = values[key];
    if (value === undefined) {
      unknown.add(key);
      return whole;
    }
    // JSON-escape (minus the quotes) so a value can never break the template's JSON.
    return JSON.stringify(value).slice(1, -1);
  });
  if (unknown.size) throw new Error(`manifest template has unknown placeholders: ${[...unknown].join(', ')}`);
  const manifest: unknown = JSON.parse(filled);
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) throw new Error('manifest template is not a JSON object');
  return manifest as Record<string, unknown>;
}
