import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, OUT_DIR, REST_SPECS } from '../../scripts/generate-rest-types.js';

/** The typed clients' types are generated from Flink's OpenAPI files; they must not drift or be edited. */
describe('generated Flink REST types', () => {
  for (const { spec, out, title } of REST_SPECS) {
    it(`${out} is what ${spec} generates`, async () => {
      expect(readFileSync(join(OUT_DIR, out), 'utf8')).toBe(await generate(spec, title));
    });
  }
});
