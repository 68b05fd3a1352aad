import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workbenchTransport } from './workbench-transport.js';

describe('the weir://app/ scheme', () => {
  const dir = mkdtempSync(join(tmpdir(), 'weir-renderer-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
  writeFileSync(join(dir, 'assets', 'a.js'), 'x');
  const transport = workbenchTransport(dir, () => null);

  it('serves the built workbench with its CSP, nothing outside it', () => {
    const index = transport.respond('weir://app/index.html');
    expect(index.status).toBe(200);
    expect(index.headers['Content-Type']).toBe('text/html');
    expect(index.headers['Content-Security-Policy']).toContain("default-src 'none'");
    expect(transport.respond('weir://app/assets/a.js').headers['Content-Type']).toBe('text/javascript');
    expect(transport.respond('weir://app/../../etc/passwd').status).toBe(404);
    expect(transport.respond('weir://other/index.html').status).toBe(404);
  });

  it('refuses calls while the services are not open', async () => {
    expect(await transport.call('weir://app/index.html', 'files.list', {})).toMatchObject({ ok: false, error: { code: 'contract.unknown-method' } });
  });
});
