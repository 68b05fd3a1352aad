import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalog } from '../catalog/catalog.js';
import { keyFileCipher } from './key-file-cipher.js';
import { compileRedaction, REDACTED, redactDeep } from './redact.js';
import { SecretRedactor } from './secret-redactor.js';
import { SecretStore } from './secret-store.js';

const SECRET = `it's-"Pa55"\\卡口`;

describe('redaction', () => {
  it('removes a secret as written, JSON-escaped and SQL-quoted', () => {
    const redact = compileRedaction([SECRET, 'ab']);
    expect(redact(`url '${SECRET}' failed`)).toBe(`url '${REDACTED}' failed`);
    expect(redact(JSON.stringify({ e: SECRET }))).toBe(`{"e":"${REDACTED}"}`);
    expect(redact(`WITH ('password' = '${SECRET.replace(/'/g, "''")}')`)).toBe(`WITH ('password' = '${REDACTED}')`);
    // too short to be a secret: not blanked everywhere
    expect(redact('ab cd')).toBe('ab cd');
  });

  it('walks results, leaving non-plain objects alone', () => {
    const redact = compileRedaction([SECRET]);
    expect(redactDeep({ a: [SECRET, 1, null], b: { c: `x${SECRET}` } }, redact)).toEqual({ a: [REDACTED, 1, null], b: { c: `x${REDACTED}` } });
  });

  it('knows a secret as soon as it is stored, here or by another process', () => {
    const home = mkdtempSync(join(tmpdir(), 'weir-redact-'));
    const file = join(home, 'catalog.sqlite');
    const catalog = openCatalog({ file });
    const cipher = keyFileCipher(join(home, 'secret.key'));
    const store = new SecretStore(catalog, cipher, () => new Date());
    const redactor = new SecretRedactor(catalog, store);
    expect(redactor.redact(`x ${SECRET}`)).toBe(`x ${SECRET}`);
    store.put(SECRET);
    expect(redactor.redact(`x ${SECRET}`)).toBe(`x ${REDACTED}`);
    const other = openCatalog({ file });
    new SecretStore(other, cipher, () => new Date()).put('token-from-the-cli-1234');
    expect(redactor.redact('token-from-the-cli-1234')).toBe(REDACTED);
    other.close();
    catalog.close();
    // closed: the last known list still applies (errors are printed after services close)
    expect(redactor.redact(SECRET)).toBe(REDACTED);
  });
});
