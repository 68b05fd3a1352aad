import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { webhookRequest, type Alert } from './webhook-formats.js';

const alert: Alert = { event: 'FAILED', application: 'ticks', cluster: 'prod', jobId: 'a'.repeat(32), at: 1_700_000_000_000, text: 'ticks on prod FAILED' };
const NOW = 1_700_000_123_456;

describe('webhook formats', () => {
  it('sign DingTalk requests in the URL as its robot documents', () => {
    const r = webhookRequest('dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=T', alert, 'SEC', NOW);
    const url = new URL(r.url);
    expect(url.searchParams.get('access_token')).toBe('T');
    expect(url.searchParams.get('timestamp')).toBe(String(NOW));
    expect(url.searchParams.get('sign')).toBe(createHmac('sha256', 'SEC').update(`${NOW}\nSEC`).digest('base64'));
    expect(JSON.parse(r.body)).toEqual({ msgtype: 'text', text: { content: 'ticks on prod FAILED' } });
  });

  it('send WeCom its text message, and Lark its signed one (seconds, key = "timestamp\\nsecret")', () => {
    expect(JSON.parse(webhookRequest('wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K', alert, null, NOW).body)).toEqual({
      msgtype: 'text',
      text: { content: 'ticks on prod FAILED' },
    });
    const lark = JSON.parse(webhookRequest('lark', 'https://open.feishu.cn/open-apis/bot/v2/hook/H', alert, 'SEC', NOW).body) as Record<string, unknown>;
    expect(lark).toEqual({
      timestamp: '1700000123',
      sign: createHmac('sha256', '1700000123\nSEC').update('').digest('base64'),
      msg_type: 'text',
      content: { text: 'ticks on prod FAILED' },
    });
  });

  it('send generic JSON with an HMAC of the body when a secret is set', () => {
    const r = webhookRequest('webhook', 'http://127.0.0.1:9/hook', alert, 'SEC', NOW);
    expect(JSON.parse(r.body)).toMatchObject({ event: 'FAILED', application: 'ticks', cluster: 'prod', at: '2023-11-14T22:13:20.000Z' });
    expect(r.headers['x-weir-signature']).toBe(`sha256=${createHmac('sha256', 'SEC').update(r.body).digest('hex')}`);
  });
});
