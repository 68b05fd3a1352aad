/**
 * Deep and long inputs that once overflowed the stack or took seconds (issue 10): nesting that
 * must end in `sql.too-deep`, chains that must parse and check, and a million stray ';'. Shared
 * by the fuzz test and the benchmark.
 */
export interface DeepShape {
  name: string;
  sql: string;
  /** Nested past MAX_NESTING: expect sql.too-deep; otherwise no error at all. */
  tooDeep: boolean;
}

const TABLE = "CREATE TABLE capture (camera_id STRING, plate STRING, speed INT, district STRING, ts TIMESTAMP(3)) WITH ('connector' = 'datagen');\n";

export function deepShapes(): DeepShape[] {
  const orTerms = Array.from({ length: 3000 }, (_, i) => `plate = 'A${String(i).padStart(5, '0')}'`);
  return [
    { name: '2,000 nested parentheses', sql: `${TABLE}SELECT ${'('.repeat(2000)}speed${')'.repeat(2000)} FROM capture;`, tooDeep: true },
    { name: '1,000 nested subqueries', sql: `${TABLE}SELECT * FROM ${'(SELECT * FROM '.repeat(1000)}capture${')'.repeat(1000)};`, tooDeep: true },
    { name: '1,000 nested IN subqueries', sql: `${TABLE}SELECT * FROM capture WHERE speed IN ${'(SELECT speed FROM capture WHERE speed IN '.repeat(1000)}(1)${')'.repeat(1000)};`, tooDeep: true },
    { name: '1,000 nested calls', sql: `${TABLE}SELECT ${'ABS('.repeat(1000)}speed${')'.repeat(1000)} FROM capture;`, tooDeep: true },
    { name: '1,000 nested CASE', sql: `${TABLE}SELECT ${'CASE WHEN speed > 1 THEN '.repeat(1000)}0${' END'.repeat(1000)} FROM capture;`, tooDeep: true },
    { name: '5,000 NOT', sql: `${TABLE}SELECT ${'NOT '.repeat(5000)}TRUE FROM capture;`, tooDeep: true },
    { name: '3,000 [1] accesses', sql: `${TABLE}SELECT plate${'[1]'.repeat(3000)} FROM capture;`, tooDeep: true },
    { name: '1,000 nested ROW types', sql: `CREATE TABLE nested (r ${'ROW<f '.repeat(1000)}INT${'>'.repeat(1000)}) WITH ('connector' = 'datagen');`, tooDeep: true },
    { name: '3,000-term OR chain', sql: `${TABLE}SELECT camera_id, plate FROM capture WHERE ${orTerms.join(' OR ')};`, tooDeep: false },
    { name: '3,000-term AND/OR mix', sql: `${TABLE}SELECT plate FROM capture WHERE ${Array.from({ length: 3000 }, (_, i) => `(speed > ${i} AND district LIKE 'd${i}%' OR camera_id IS NULL)`).join(' OR ')};`, tooDeep: false },
    { name: '5,000-term arithmetic', sql: `${TABLE}SELECT ${Array.from({ length: 5000 }, () => 'speed').join(' + ')} FROM capture;`, tooDeep: false },
    { name: '3,000 UNION ALL', sql: `${TABLE}${Array.from({ length: 3000 }, (_, i) => `SELECT plate FROM capture WHERE speed > ${i}`).join(' UNION ALL ')};`, tooDeep: false },
    { name: '1,000 joins', sql: `${TABLE}SELECT c0.plate FROM capture c0 ${Array.from({ length: 1000 }, (_, i) => `JOIN capture c${i + 1} ON c${i}.plate = c${i + 1}.plate`).join(' ')};`, tooDeep: false },
    { name: '1,000,000 stray semicolons', sql: ';'.repeat(1_000_000), tooDeep: false },
  ];
}
