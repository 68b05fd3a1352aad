import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, OUT_DIR, REST_SPECS, SPEC_DIR } from '../../scripts/generate-rest-types.js';

/** The typed clients' types are generated from Flink's OpenAPI files; they must not drift or be edited. */
describe('generated Flink REST types', () => {
  // Flink's OpenAPI files have no published artifact: they are read from shared/flink-1.20 beside the checkout.
  const here = existsSync(SPEC_DIR);
  for (const { spec, out, title } of REST_SPECS) {
    (here ? it : it.skip)(here ? `${out} is what ${spec} generates` : `${out} against ${spec}: Flink's REST API specs are not published on Maven Central; put shared/flink-1.20 beside the checkout (${SPEC_DIR})`, async () => {
      expect(readFileSync(join(OUT_DIR, out), 'utf8')).toBe(await generate(spec, title));
    });
  }
});
