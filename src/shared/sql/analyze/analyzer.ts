import type { Statement } from '../ast/statement.js';
import type { ParsedStatement } from '../parse/parser.js';
import type { SchemaCatalog, TableInfo } from './catalog.js';
import type { SemanticDiagnostic } from './semantic-diagnostic.js';
import { Session } from './session.js';
import { analyzeStatement } from './statement-analyzer.js';

export interface AnalyzeOptions {
  /** Memo of catalog lookups to share between calls (the checker keeps one). */
  catalogMemo?: Map<string, TableInfo | undefined>;
}

export interface AnalysisResult {
  diagnostics: SemanticDiagnostic[];
  /** The session after the script: current catalog and database, tables and views by path. */
  scope: { catalog: string; database: string; tables: TableInfo[]; functions: string[] };
}

/**
 * Semantic checks of a script, statement by statement in order: a table is known from its
 * CREATE on (or from the catalog), until DROP. Statements with syntax errors are not reported on.
 */
export function analyzeScript(statements: readonly (ParsedStatement | Statement)[], catalog?: SchemaCatalog, options: AnalyzeOptions = {}): AnalysisResult {
  const session = new Session(catalog, options.catalogMemo);
  const diagnostics: SemanticDiagnostic[] = [];
  for (const s of statements) {
    const parsed = 'node' in s ? s : undefined;
    const node = parsed ? parsed.node : (s as Statement);
    const broken = parsed?.diagnostics.some((d) => d.severity === 'error') ?? false;
    diagnostics.push(...analyzeStatement(node, session, broken));
  }
  return {
    diagnostics,
    scope: { catalog: session.catalog, database: session.database, tables: [...session.tables.values()], functions: [...session.functions] },
  };
}
