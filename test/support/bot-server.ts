import { createWarmlineServer, type WarmlineServer } from '../../src/channels/botframework/create-server.js';
import { loadConfig } from '../../src/config/app-config.js';
import { createLogger } from '../../src/config/logger.js';
import { testKnowledgeBase } from '../kb-fixture.js';

/** The real server on a free loopback port, with settings overridden per test. */
export async function startBot(env: Record<string, string> = {}): Promise<{ app: WarmlineServer; url: string }> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', STORAGE: 'memory', ...env });
  const app = createWarmlineServer(config, createLogger('silent'), await testKnowledgeBase());
  const url = await app.listen();
  return { app, url };
}

export async function postActivity(url: string, activity: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}
