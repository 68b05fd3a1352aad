/** The value types of connector and format options, as Flink's ConfigOption parses them. */
export type OptionType = 'string' | 'int' | 'long' | 'double' | 'boolean' | 'duration' | 'memory' | 'enum' | 'list';

/**
 * One option key. `#` in a key stands for one name segment (datagen's `fields.#.kind`, where
 * `#` is a column). The one-line description is in resources/locales/sql-connectors/<lang>.json
 * under `[doc][key]` (doc defaults to the connector or format name), so it can be translated.
 */
export interface OptionSpec {
  readonly key: string;
  readonly type: OptionType;
  /** Allowed values of an enum (compared case-insensitively, as Flink does). */
  readonly values?: readonly string[];
  readonly default?: string;
  readonly required?: boolean;
  readonly deprecated?: boolean;
  /** Group of the description in the locale file. */
  readonly doc: string;
}

export interface ConnectorSpec {
  /** The value of 'connector'. */
  readonly name: string;
  readonly options: readonly OptionSpec[];
  /** Prefixes passed through to a client unchecked: `properties.` (Kafka), `debezium.` (CDC). */
  readonly passthrough?: readonly string[];
  /** Groups of keys of which at least one must be set (Kafka: topic or topic-pattern). */
  readonly requiredOneOf?: readonly (readonly string[])[];
  /** Keys naming a format whose options follow: 'format' → `json.*`, 'value.format' → `value.json.*`. */
  readonly formatKeys?: readonly string[];
}

export interface FormatSpec {
  readonly name: string;
  /** Keys without the format prefix: 'fail-on-missing-field' for `json.fail-on-missing-field`. */
  readonly options: readonly OptionSpec[];
}

/** Helper keeping the catalogs short: opt('topic', 'list', { required: true }). */
export function opt(doc: string, key: string, type: OptionType, extra: Partial<Omit<OptionSpec, 'key' | 'type' | 'doc'>> = {}): OptionSpec {
  return { key, type, doc, ...extra };
}

const DURATION = /^\s*\d+\s*(d|day|days|h|hour|hours|min|m|minute|minutes|s|sec|secs|second|seconds|ms|milli|millis|millisecond|milliseconds|µs|us|micro|micros|microsecond|microseconds|ns|nano|nanos|nanosecond|nanoseconds)?\s*$/i;
const MEMORY = /^\s*\d+\s*(b|bytes|k|kb|kibibytes|m|mb|mebibytes|g|gb|gibibytes|t|tb|tebibytes)?\s*$/i;

/** False when Flink could not parse `value` as the option's type. */
export function validValue(spec: OptionSpec, value: string): boolean {
  switch (spec.type) {
    case 'boolean':
      return /^\s*(true|false)\s*$/i.test(value);
    case 'int':
    case 'long':
      return /^\s*[-+]?\d+\s*$/.test(value) && (spec.type === 'long' || Math.abs(Number(value)) <= 2147483647);
    case 'double':
      return value.trim() !== '' && Number.isFinite(Number(value));
    case 'duration':
      return DURATION.test(value);
    case 'memory':
      return MEMORY.test(value);
    case 'enum':
      return !spec.values || spec.values.some((v) => v.toLowerCase() === value.trim().toLowerCase());
    default:
      return true;
  }
}

const indexes = new WeakMap<readonly OptionSpec[], { exact: Map<string, OptionSpec>; patterns: OptionSpec[] }>();

/** The option matching `key`, with `#` matching one segment; undefined when none does. */
export function findOption(options: readonly OptionSpec[], key: string): OptionSpec | undefined {
  const index = indexes.get(options) ?? indexOptions(options);
  const exact = index.exact.get(key);
  if (exact) return exact;
  for (const o of index.patterns) if (matchesPattern(o.key, key)) return o;
  return undefined;
}

/** Built once per list, out of line so the lookup above stays small to compile. */
function indexOptions(options: readonly OptionSpec[]): { exact: Map<string, OptionSpec>; patterns: OptionSpec[] } {
  const index = { exact: new Map(options.filter((o) => !o.key.includes('#')).map((o) => [o.key, o])), patterns: options.filter((o) => o.key.includes('#')) };
  indexes.set(options, index);
  return index;
}

function matchesPattern(pattern: string, key: string): boolean {
  const [head, tail] = pattern.split('#') as [string, string];
  if (!key.startsWith(head) || !key.endsWith(tail) || key.length <= head.length + tail.length) return false;
  return true;
}
