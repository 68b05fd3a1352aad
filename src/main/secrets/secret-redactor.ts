import type { Catalog } from '../catalog/catalog.js';
import { compileRedaction, noRedaction, type Redact } from './redact.js';
import type { SecretStore } from './secret-store.js';

/**
 * The one redaction of this process: every secret in the store (cluster auth values, SSH
 * passwords and keys, secret variables). Recompiled when the catalog changed, here or in another
 * process (the CLI and `weir serve` share it), so a secret added anywhere is redacted everywhere.
 * After the catalog is closed it keeps the last list (errors are printed after services close).
 */
export class SecretRedactor {
  private compiled: Redact = noRedaction;
  private seen = '';

  constructor(
    private readonly catalog: Catalog,
    private readonly secrets: SecretStore,
  ) {}

  /** Redacts one text with the secrets known now. */
  readonly redact: Redact = (text) => this.current()(text);

  /** The redaction as of now, to apply to many strings at once (results, events). */
  current(): Redact {
    try {
      const version = `${this.catalog.db.pragma('data_version', { simple: true })}:${this.secrets.changes}`;
      if (version !== this.seen) {
        this.compiled = compileRedaction(this.secrets.values());
        this.seen = version;
      }
    } catch {
      /* closed catalog or an undecryptable secret: keep what is known */
    }
    return this.compiled;
  }
}
