import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newKafkaClusterId } from './kafka-cluster-id.js';

describe('Kafka cluster id', () => {
  it('never starts with "-" (kafka-storage would read it as an option), over 10,000 ids', () => {
    const ids = Array.from({ length: 10_000 }, () => newKafkaClusterId());
    expect(ids.filter((id) => id.startsWith('-'))).toEqual([]);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('draws again when the bytes would encode a leading "-"', () => {
    // 0xf8 as the first byte encodes as "-" in base64url: a plain base64url of random bytes gives it 1 time in 64.
    const draws = [Buffer.alloc(16, 0xf8), randomBytes(16)];
    const id = newKafkaClusterId(() => draws.shift()!);
    expect(draws).toHaveLength(0);
    expect(id.startsWith('-')).toBe(false);
  });

  it('is a version-4 UUID like random-uuid prints', () => {
    const bytes = Buffer.from(newKafkaClusterId(), 'base64url');
    expect(bytes).toHaveLength(16);
    expect(bytes[6]! >> 4).toBe(4);
    expect(bytes[8]! >> 6).toBe(2);
  });
});
