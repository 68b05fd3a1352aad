import type { Property } from '../ast/node.js';
import { COMMON_OPTIONS, CONNECTORS, OTHER_CONNECTORS, connectorSpec, findOption, formatSpec, validValue, type ConnectorSpec, type OptionSpec } from './connectors/index.js';
import { didYouMean } from './did-you-mean.js';
import { quoteList, withSuggestions, type SemanticDiagnostic } from './semantic-diagnostic.js';

const KNOWN_CONNECTORS = [...CONNECTORS.map((c) => c.name), ...OTHER_CONNECTORS];

/**
 * Checks a table's WITH options against the connector's catalogue: unknown keys (with the
 * closest known ones), missing required keys, values Flink cannot parse, and unknown connector
 * names that look like typos. Tables without 'connector' belong to their catalog (Hive, Paimon...)
 * and are not checked; with LIKE, required keys may come from the base table.
 */
export function checkConnectorOptions(options: readonly Property[], inheritsOptions: boolean, out: SemanticDiagnostic[]): number {
  const before = out.length;
  const props = new Map<string, Property>();
  for (const p of options) props.set(p.key, p);
  const connector = props.get('connector');
  if (!connector) {
    noConnector(options, out);
    return sure(out, before);
  }
  const spec = connectorSpec(connector.value);
  if (!spec) {
    unknownConnector(connector, out);
    return sure(out, before);
  }
  // format options: 'format' = 'json' allows json.*, 'value.format' = 'json' allows value.json.*
  const formats: FormatOptions[] = [];
  for (const fk of spec.formatKeys ?? []) {
    const f = props.get(fk);
    if (f) formats.push({ prefix: `${fk.slice(0, fk.length - 'format'.length)}${f.value}.`, options: formatSpec(f.value)?.options });
  }
  // (the common path is kept small and free of closures, the reports in functions of their own:
  // this runs for every CREATE TABLE, and a first check compiles it while it runs)
  for (const p of options) checkOption(p, spec, formats, out);
  if (!inheritsOptions) missingOptions(spec, props, connector, out);
  return sure(out, before);
}

interface FormatOptions {
  readonly prefix: string;
  readonly options: readonly OptionSpec[] | undefined;
}

function checkOption(p: Property, spec: ConnectorSpec, formats: readonly FormatOptions[], out: SemanticDiagnostic[]): void {
  let option = findOption(COMMON_OPTIONS, p.key) ?? findOption(spec.options, p.key);
  if (!option) {
    for (const prefix of spec.passthrough ?? []) if (p.key.startsWith(prefix) && p.key.length > prefix.length) return;
    for (const f of formats) {
      if (!p.key.startsWith(f.prefix)) continue;
      if (!f.options) return; // a format whose options Weir does not catalogue
      option = findOption(f.options, p.key.slice(f.prefix.length));
      break;
    }
  }
  if (!option) unknownOption(p, spec, formats, out);
  else if (!validValue(option, p.value)) badValue(p, option, out);
}

/** No connector: a catalog table (Hive, Paimon...), unless 'connector' itself is misspelt. */
function noConnector(options: readonly Property[], out: SemanticDiagnostic[]): void {
  for (const p of options) {
    if (p.key !== 'connector' && didYouMean(p.key, ['connector']).length > 0) {
      out.push({ severity: 'warning', code: 'sql.unknown-connector-option', params: withSuggestions({ key: p.key, connector: p.value }, ['connector']), start: p.keyRange.start, end: p.keyRange.end });
    }
  }
}

function unknownConnector(connector: Property, out: SemanticDiagnostic[]): void {
  if (KNOWN_CONNECTORS.includes(connector.value)) return;
  const suggestions = didYouMean(connector.value, KNOWN_CONNECTORS);
  // a connector Weir does not know may still be on the cluster's classpath: only typos are reported
  if (suggestions.length > 0) {
    out.push({ severity: 'warning', code: 'sql.unknown-connector', params: withSuggestions({ connector: connector.value }, suggestions), start: connector.valueRange.start, end: connector.valueRange.end });
  }
}

function unknownOption(p: Property, spec: ConnectorSpec, formats: readonly FormatOptions[], out: SemanticDiagnostic[]): void {
  const candidates = [...COMMON_OPTIONS, ...spec.options].filter((o) => !o.key.includes('#')).map((o) => o.key);
  for (const f of formats) for (const o of f.options ?? []) candidates.push(f.prefix + o.key);
  const suggestions = didYouMean(p.key, candidates);
  out.push({
    severity: 'warning',
    code: 'sql.unknown-connector-option',
    params: withSuggestions({ key: p.key, connector: spec.name }, suggestions),
    start: p.keyRange.start,
    end: p.keyRange.end,
  });
}

function badValue(p: Property, option: OptionSpec, out: SemanticDiagnostic[]): void {
  const params: Record<string, string | number> = option.type === 'enum' && option.values
    ? { key: p.key, value: p.value, context: 'enum', values: quoteList(option.values) }
    : { key: p.key, value: p.value, type: `sql.option-type.${option.type}` };
  out.push({ severity: 'warning', code: 'sql.bad-option-value', params, start: p.valueRange.start, end: p.valueRange.end });
}

function missingOptions(spec: ConnectorSpec, props: ReadonlyMap<string, Property>, connector: Property, out: SemanticDiagnostic[]): void {
  const missing: string[] = [];
  for (const o of spec.options) if (o.required && !props.has(o.key)) missing.push(`'${o.key}'`);
  for (const group of spec.requiredOneOf ?? []) if (!hasAny(props, group)) missing.push(group.map((k) => `'${k}'`).join(' / '));
  if (missing.length > 0) {
    out.push({ severity: 'warning', code: 'sql.missing-connector-option', params: { connector: spec.name, keys: missing.join(', ') }, start: connector.keyRange.start, end: connector.valueRange.end });
  }
}

function hasAny(props: ReadonlyMap<string, Property>, keys: readonly string[]): boolean {
  for (const k of keys) if (props.has(k)) return true;
  return false;
}

function sure(out: readonly SemanticDiagnostic[], from: number): number {
  let n = 0;
  for (let i = from; i < out.length; i++) if (out[i]!.code !== 'sql.unknown-connector-option' || out[i]!.params.suggestion !== undefined) n++;
  return n;
}
