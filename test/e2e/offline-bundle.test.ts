import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './weir-server.js';

/**
 * The built workbench loads nothing from outside: no script, style, font, worker or socket
 * address of another host. URLs that only appear as text (XML namespaces, licence and docs
 * links inside libraries) are listed here by host, so a new one must be looked at.
 */
const RENDERER = join(ROOT, 'dist', 'renderer');
const TEXT_ONLY_HOSTS = new Set([
  'www.w3.org', // XML / SVG / MathML namespaces
  'json-schema.org', // schema ids in Monaco's JSON support
  'react.dev', // React's error-decoder links in messages
  'react.i18next.com', // a warning message
  'github.com', // licence and issue links in Monaco comments and messages
  'code.visualstudio.com', // a docs link in a Monaco message
  'microsoft.com', // Monaco's copyright banner
  'host', // example addresses in connector option docs ('http://host:9200;http://host2:9200')
  'host2',
]);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

describe('offline bundle', () => {
  const all = files(RENDERER);

  it('exists and ships Monaco with its worker and icon font', () => {
    expect(all.some((f) => f.endsWith('index.html'))).toBe(true);
    expect(all.some((f) => /editor\.worker-[\w-]+\.js$/.test(f))).toBe(true);
    expect(all.some((f) => /codicon-[\w-]+\.ttf$/.test(f))).toBe(true);
  });

  it('references no host outside the allow-list of text-only URLs', () => {
    const hosts = new Map<string, string>();
    for (const file of all.filter((f) => /\.(js|css|html)$/.test(f))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\b(?:https?|wss?):\/\/([a-zA-Z0-9.-]+)/g)) {
        hosts.set(m[1]!, file);
      }
    }
    const unexpected = [...hosts].filter(([host]) => !TEXT_ONLY_HOSTS.has(host) && host !== '127.0.0.1' && host !== 'localhost');
    expect(unexpected).toEqual([]);
  });

  it('loads nothing remote in its HTML and CSS', () => {
    for (const file of all.filter((f) => /\.(css|html)$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
      expect(text, file).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
      expect(text, file).not.toMatch(/@import\s+(url\()?["']?(https?:)?\/\//i);
    }
  });
});
