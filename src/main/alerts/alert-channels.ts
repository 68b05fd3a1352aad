import { WeirError } from '../../shared/errors/weir-error.js';
import type { Clock } from '../app/clock.js';
import type { Catalog } from '../catalog/catalog.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { WebhookKind } from './webhook-formats.js';

/** A robot's webhook, or e-mail over SMTP. */
export type ChannelKind = WebhookKind | 'email';

export const ALERT_EVENTS = ['FAILED', 'RESTARTING', 'LOST'] as const;
export type AlertEvent = (typeof ALERT_EVENTS)[number];

/** A channel as shown: never its URL or secret. */
export interface AlertChannelView {
  readonly id: number;
  readonly name: string;
  readonly kind: ChannelKind;
  readonly signed: boolean;
  readonly events: readonly AlertEvent[];
  readonly createdAt: string;
}

export interface AlertChannel extends AlertChannelView {
  readonly url: string;
  readonly secret: string | null;
}

interface Row {
  id: number;
  name: string;
  kind: ChannelKind;
  url_secret_id: number;
  sign_secret_id: number | null;
  events: string;
  created_at: string;
}

/** Alert channels in the catalog; their URLs and signing secrets in the encrypted store. */
export class AlertChannels {
  constructor(
    private readonly catalog: Catalog,
    private readonly secrets: SecretStore,
    private readonly clock: Clock,
  ) {}

  add(c: { name: string; kind: ChannelKind; url: string; secret: string | null; events: readonly AlertEvent[] }): AlertChannelView {
    if (this.catalog.db.prepare('SELECT 1 FROM alert_channels WHERE name = ?').get(c.name)) throw new WeirError('alerts.name-taken', { name: c.name });
    const urlId = this.secrets.put(c.url);
    const signId = c.secret ? this.secrets.put(c.secret) : null;
    this.catalog.write((db) =>
      db
        .prepare('INSERT INTO alert_channels (name, kind, url_secret_id, sign_secret_id, events, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(c.name, c.kind, urlId, signId, JSON.stringify(c.events), this.clock().toISOString()),
    );
    return this.byName(c.name);
  }

  list(): AlertChannelView[] {
    return (this.catalog.db.prepare('SELECT * FROM alert_channels ORDER BY name').all() as Row[]).map(view);
  }

  byName(name: string): AlertChannelView {
    const row = this.catalog.db.prepare('SELECT * FROM alert_channels WHERE name = ?').get(name) as Row | undefined;
    if (!row) throw new WeirError('alerts.not-found', { name });
    return view(row);
  }

  /** With its URL and secret, for sending only. */
  open(id: number): AlertChannel {
    const row = this.catalog.db.prepare('SELECT * FROM alert_channels WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new WeirError('alerts.not-found', { name: String(id) });
    return { ...view(row), url: this.secrets.get(row.url_secret_id), secret: row.sign_secret_id !== null ? this.secrets.get(row.sign_secret_id) : null };
  }

  remove(name: string): void {
    const row = this.catalog.db.prepare('SELECT * FROM alert_channels WHERE name = ?').get(name) as Row | undefined;
    if (!row) throw new WeirError('alerts.not-found', { name });
    this.catalog.write((db) => db.prepare('DELETE FROM alert_channels WHERE id = ?').run(row.id));
    this.secrets.remove(row.url_secret_id);
    if (row.sign_secret_id !== null) this.secrets.remove(row.sign_secret_id);
  }
}

function view(r: Row): AlertChannelView {
  return { id: r.id, name: r.name, kind: r.kind, signed: r.sign_secret_id !== null, events: JSON.parse(r.events) as AlertEvent[], createdAt: r.created_at };
}
