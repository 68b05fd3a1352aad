import type { DataType } from '../ast/data-type.js';
import type { DataTypeInfo } from './catalog.js';

/** The analyzer's view of a DDL type. */
export function typeInfo(t: DataType): DataTypeInfo {
  switch (t.kind) {
    case 'BasicType': {
      let root = t.name.toUpperCase();
      if (root === 'STRING') root = 'VARCHAR';
      if (root === 'BYTES') root = 'VARBINARY';
      if (root === 'INTEGER') root = 'INT';
      if (root === 'TIMESTAMP' && t.withLocalTimeZone) root = 'TIMESTAMP_LTZ';
      const args = t.precision === undefined ? '' : t.scale === undefined ? `(${t.precision})` : `(${t.precision}, ${t.scale})`;
      return { root, text: `${t.name.toUpperCase()}${args}${t.withLocalTimeZone && t.name.toUpperCase() === 'TIMESTAMP' ? ' WITH LOCAL TIME ZONE' : ''}` };
    }
    case 'CollectionType':
      return { root: t.collection, text: `${t.collection}<${typeInfo(t.element).text}>` };
    case 'MapType':
      return { root: 'MAP', text: `MAP<${typeInfo(t.key).text}, ${typeInfo(t.value).text}>` };
    case 'RowType':
      return { root: 'ROW', text: `ROW<${t.fields.map((f) => `${f.name.name} ${typeInfo(f.type).text}`).join(', ')}>` };
    case 'RawType':
      return { root: 'RAW', text: 'RAW' };
    case 'IntervalType':
      return { root: 'INTERVAL', text: `INTERVAL ${t.from}${t.to ? ` TO ${t.to}` : ''}` };
    case 'UserType':
      return { root: 'USER', text: t.name.parts.map((p) => p.name).join('.') };
  }
}

export const simpleType = (root: string, text = root): DataTypeInfo => ({ root, text });

type Family = 'character' | 'binary' | 'numeric' | 'boolean' | 'datetime' | 'interval' | 'collection' | 'map' | 'row' | 'other';

function family(root: string): Family {
  switch (root) {
    case 'CHAR':
    case 'VARCHAR':
      return 'character';
    case 'BINARY':
    case 'VARBINARY':
      return 'binary';
    case 'TINYINT':
    case 'SMALLINT':
    case 'INT':
    case 'BIGINT':
    case 'DECIMAL':
    case 'FLOAT':
    case 'DOUBLE':
      return 'numeric';
    case 'BOOLEAN':
      return 'boolean';
    case 'DATE':
    case 'TIME':
    case 'TIMESTAMP':
    case 'TIMESTAMP_LTZ':
      return 'datetime';
    case 'INTERVAL':
      return 'interval';
    case 'ARRAY':
    case 'MULTISET':
      return 'collection';
    case 'MAP':
      return 'map';
    case 'ROW':
      return 'row';
    default:
      return 'other';
  }
}

/**
 * True only when Flink surely rejects writing `source` into a `target` column: the families
 * differ and no implicit cast joins them. Widening, precision changes, DATE → TIMESTAMP and the
 * casts Flink may insert for strings are all allowed, so only plainly wrong pairs are reported.
 */
export function certainlyIncompatible(source: DataTypeInfo, target: DataTypeInfo): boolean {
  const s = family(source.root);
  const t = family(target.root);
  if (s === 'other' || t === 'other' || s === t) return false;
  if (s === 'datetime' && t === 'datetime') return false;
  // strings and numbers: Flink casts literals and some functions' results; stay silent
  if (t === 'character' && (s === 'numeric' || s === 'boolean' || s === 'datetime' || s === 'binary')) return false;
  if (s === 'character' && t === 'binary') return false;
  return true;
}
