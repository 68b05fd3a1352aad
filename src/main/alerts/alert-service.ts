import { fetch } from 'undici';
import type { JobRow } from '../../shared/contract/jobs-schema.js';
import { WeirError } from '../../shared/errors/weir-error.js';
import type { Clock } from '../app/clock.js';
import type { Logger } from '../app/logger.js';
import type { AlertChannels, AlertEvent } from './alert-channels.js';
import { sendMail, smtpTarget } from './smtp-client.js';
import { webhookRequest, type Alert } from './webhook-formats.js';

const SEND_TIMEOUT_MS = 10_000;
const ACTIVE = new Set(['INITIALIZING', 'CREATED', 'RUNNING', 'FAILING', 'RESTARTING', 'RECONCILING']);

/** Words of an alert in the user's language: `(key, params) → text`. */
export type AlertText = (key: string, params: Readonly<Record<string, string | number>>) => string;

/**
 * Alerts on what operators must hear about: an application's job FAILED, RESTARTING, or gone
 * from its cluster (LOST). Transitions are seen between monitor ticks (the first tick only
 * learns the states, so a restart of Weir does not replay old failures); each goes to every
 * channel that asked for that event (a robot's webhook or e-mail). A channel that cannot be
 * reached is logged, never fatal.
 */
export class AlertService {
  private readonly last = new Map<number, Map<string, { state: string; name: string }>>();

  constructor(
    private readonly d: { channels: AlertChannels; clock: Clock; log: Logger; text: AlertText; clusterName: (id: number) => string },
  ) {}

  /** After each tick of a reachable cluster, with the jobs it listed. */
  async observe(clusterId: number, jobs: readonly JobRow[]): Promise<void> {
    const before = this.last.get(clusterId);
    const now = new Map(jobs.filter((j) => j.applicationId !== null).map((j) => [j.jobId, { state: j.state as string, name: j.name }]));
    this.last.set(clusterId, now);
    if (!before) return;
    const alerts: Alert[] = [];
    for (const [jobId, seen] of now) {
      const was = before.get(jobId)?.state;
      if ((seen.state === 'FAILED' || seen.state === 'RESTARTING') && was !== seen.state) alerts.push(this.alert(seen.state, seen.name, clusterId, jobId));
    }
    for (const [jobId, was] of before) {
      if (!now.has(jobId) && ACTIVE.has(was.state)) alerts.push(this.alert('LOST', was.name, clusterId, jobId));
    }
    for (const alert of alerts) await this.notify(alert);
  }

  /** Sends to every channel that receives this event; failures are logged. */
  async notify(alert: Alert): Promise<void> {
    for (const channel of this.d.channels.list()) {
      if (!channel.events.includes(alert.event as AlertEvent)) continue;
      await this.send(channel.id, alert).catch((error: unknown) => this.d.log.warn(`alert to ${channel.name} failed: ${String(error)}`));
    }
  }

  /** `weir alerts test NAME`: one test alert to that channel; its failure is the caller's error. */
  async test(name: string): Promise<void> {
    const channel = this.d.channels.byName(name);
    await this.send(channel.id, {
      event: 'TEST',
      application: 'weir',
      cluster: '-',
      jobId: '-',
      at: this.d.clock().getTime(),
      text: this.d.text('alerts.test', { channel: name }),
    });
  }

  private alert(event: string, application: string, clusterId: number, jobId: string): Alert {
    const cluster = this.d.clusterName(clusterId);
    return { event, application, cluster, jobId, at: this.d.clock().getTime(), text: this.d.text(`alerts.events.${event}`, { application, cluster, job: jobId }) };
  }

  private async send(channelId: number, alert: Alert): Promise<void> {
    const channel = this.d.channels.open(channelId);
    if (channel.kind === 'email') {
      const body = [alert.text, '', `application: ${alert.application}`, `cluster: ${alert.cluster}`, `job: ${alert.jobId}`, `at: ${new Date(alert.at).toISOString()}`].join('\n');
      await sendMail(smtpTarget(channel.url), channel.secret, alert.text, body);
      return;
    }
    const request = webhookRequest(channel.kind, channel.url, alert, channel.secret, this.d.clock().getTime());
    let reply: { status: number; text: string };
    try {
      const response = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) });
      reply = { status: response.status, text: await response.text() };
    } catch (cause) {
      throw new WeirError('alerts.send-failed', { name: channel.name, reason: String((cause as Error).cause ?? cause) }, { cause });
    }
    // The robots answer 200 with an error code in the body ({"errcode":310000,...}, {"code":19021,...}).
    const body = safeJson(reply.text) as { errcode?: number; code?: number; errmsg?: string; msg?: string } | null;
    const code = body?.errcode ?? body?.code ?? 0;
    if (reply.status >= 300 || code !== 0) {
      throw new WeirError('alerts.send-failed', { name: channel.name, reason: `HTTP ${reply.status} ${body?.errmsg ?? body?.msg ?? reply.text.slice(0, 200)}`.trim() });
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
