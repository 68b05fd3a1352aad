import { createHmac } from 'node:crypto';

/** One alert, whatever carries it. */
export interface Alert {
  /** FAILED, RESTARTING, LOST (gone from its cluster), or TEST. */
  readonly event: string;
  readonly application: string;
  readonly cluster: string;
  readonly jobId: string;
  /** ms since epoch. */
  readonly at: number;
  /** One line for people: what happened, in the user's language. */
  readonly text: string;
}

export type WebhookKind = 'dingtalk' | 'wecom' | 'lark' | 'webhook';

export interface WebhookRequest {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * Each platform's documented shape and signing:
 * - DingTalk custom robot: `{"msgtype":"text","text":{"content"}}`; with a secret, `timestamp`
 *   (ms) and `sign` = Base64(HMAC-SHA256(key=secret, "timestamp\nsecret")) as URL parameters.
 * - WeCom group robot: `{"msgtype":"text","text":{"content"}}`; the key is in the URL, no signing.
 * - Lark / Feishu custom bot: `{"timestamp","sign","msg_type":"text","content":{"text"}}` with
 *   `timestamp` in seconds and `sign` = Base64(HMAC-SHA256(key="timestamp\nsecret", message="")).
 * - Generic JSON: the alert's fields; with a secret, `X-Weir-Signature: sha256=<hex HMAC of the body>`.
 */
export function webhookRequest(kind: WebhookKind, url: string, alert: Alert, secret: string | null, now: number): WebhookRequest {
  const headers = { 'content-type': 'application/json' };
  switch (kind) {
    case 'dingtalk': {
      let target = url;
      if (secret) {
        const sign = createHmac('sha256', secret).update(`${now}\n${secret}`).digest('base64');
        target += `${url.includes('?') ? '&' : '?'}timestamp=${now}&sign=${encodeURIComponent(sign)}`;
      }
      return { url: target, headers, body: JSON.stringify({ msgtype: 'text', text: { content: alert.text } }) };
    }
    case 'wecom':
      return { url, headers, body: JSON.stringify({ msgtype: 'text', text: { content: alert.text } }) };
    case 'lark': {
      const timestamp = String(Math.floor(now / 1000));
      const signed = secret ? { timestamp, sign: createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64') } : {};
      return { url, headers, body: JSON.stringify({ ...signed, msg_type: 'text', content: { text: alert.text } }) };
    }
    case 'webhook': {
      const body = JSON.stringify({
        event: alert.event,
        application: alert.application,
        cluster: alert.cluster,
        jobId: alert.jobId,
        at: new Date(alert.at).toISOString(),
        text: alert.text,
      });
      const signature: Record<string, string> = secret ? { 'x-weir-signature': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` } : {};
      return { url, headers: { ...headers, ...signature }, body };
    }
  }
}
