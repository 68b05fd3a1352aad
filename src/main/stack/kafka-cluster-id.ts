import { randomBytes } from 'node:crypto';

/**
 * A KRaft cluster id made the way Kafka's `Uuid.randomUuid()` (behind `kafka-storage random-uuid`)
 * makes one: a version-4 UUID, base64url without padding, drawn again while it starts with `-`
 * (kafka-storage's argument parser would read such an id as an option) or is one of Kafka's
 * reserved ids (all zeros, the metadata topic's `AAAAAAAAAAAAAAAAAAAAAQ`).
 */
const RESERVED = new Set(['AAAAAAAAAAAAAAAAAAAAAA', 'AAAAAAAAAAAAAAAAAAAAAQ']);

export function newKafkaClusterId(random: (size: number) => Buffer = randomBytes): string {
  for (;;) {
    const bytes = Buffer.from(random(16));
    bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
    bytes[8] = (bytes[8]! & 0x3f) | 0x80; // IETF variant
    const id = bytes.toString('base64url');
    if (!id.startsWith('-') && !RESERVED.has(id)) return id;
  }
}
