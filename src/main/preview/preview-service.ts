import { randomUUID } from 'node:crypto';
import { PREVIEW_JOB_PREFIX, type PreviewEvent, type PreviewRow } from '../../shared/contract/jobs-schema.js';
import { WeirError } from '../../shared/errors/weir-error.js';
import { ScriptChecker } from '../../shared/sql/services/script-checker.js';
import type { EventSink } from '../app/events.js';
import type { Logger } from '../app/logger.js';
import type { ClusterClients } from '../clusters/cluster-clients.js';
import { errorData } from '../clusters/cluster-probe.js';
import { nextToken, type ResultPage, type SqlGatewayClient } from '../clusters/gateway/sql-gateway-client.js';
import { gatewayStatements } from '../../shared/sql/services/statement-plan.js';

const KIND: Record<string, PreviewRow['kind']> = { INSERT: '+I', UPDATE_BEFORE: '-U', UPDATE_AFTER: '+U', DELETE: '-D' };
/** Statements a preview may run before its query: they change only the gateway session. */
const SETUP_KINDS = new Set(['CreateTable', 'CreateView', 'CreateFunction', 'CreateCatalog', 'CreateDatabase', 'Set', 'Reset', 'Use', 'LoadModule', 'AddJar']);
const IDLE_POLL_MS = 200;

interface Running {
  readonly gateway: SqlGatewayClient;
  readonly session: string;
  operation: string | null;
  canceled: boolean;
}

/**
 * Runs a SELECT through a cluster's SQL Gateway and streams its rows to the workbench as
 * `preview.rows` events, page by page as the gateway serves them (so a fast stream is paced by
 * the fetches). A preview ends by itself after `maxRows` rows: a result never grows without
 * bound, here or in the grid. Setup statements (CREATE TABLE, SET …) may come before the query;
 * anything that writes (INSERT …) is refused.
 */
export class PreviewService {
  private readonly running = new Map<string, Running>();

  constructor(
    private readonly d: { clients: ClusterClients; emit: EventSink; log: Logger },
  ) {}

  /** `name` (the file previewed) names the job, which the Jobs view then lists as a preview. */
  async start(clusterId: number, sql: string, maxRows: number, name = 'SQL'): Promise<{ previewId: string }> {
    const statements = this.plan(sql);
    const gateway = this.d.clients.gateway(clusterId);
    const previewId = randomUUID();
    const session = await gateway.openSession(
      { 'execution.runtime-mode': 'streaming', 'pipeline.name': `${PREVIEW_JOB_PREFIX}${name}` },
      `weir-preview-${previewId}`,
    );
    const run: Running = { gateway, session, operation: null, canceled: false };
    this.running.set(previewId, run);
    void this.stream(previewId, run, statements, maxRows);
    return { previewId };
  }

  async cancel(previewId: string): Promise<{ canceled: boolean }> {
    const run = this.running.get(previewId);
    if (!run) return { canceled: false };
    run.canceled = true;
    if (run.operation) await run.gateway.cancelOperation(run.session, run.operation).catch(() => undefined);
    return { canceled: true };
  }

  /** Setup statements then exactly one query, last. */
  private plan(sql: string): string[] {
    const statements = gatewayStatements(sql);
    const kinds = new ScriptChecker({ syntaxOnly: true }).check(sql).statements.map((s) => s.kind).filter((k) => k !== 'Empty');
    const last = kinds[kinds.length - 1];
    if (last !== 'Query' || statements.length !== kinds.length) throw new WeirError('preview.not-a-query');
    const bad = kinds.slice(0, -1).find((k) => !SETUP_KINDS.has(k));
    if (bad) throw new WeirError('preview.writes', { statement: bad });
    return statements;
  }

  private async stream(previewId: string, run: Running, statements: readonly string[], maxRows: number): Promise<void> {
    const send = (event: Omit<PreviewEvent, 'previewId'>) => this.d.emit('preview.rows', { previewId, ...event });
    let received = 0;
    try {
      for (const [i, statement] of statements.entries()) {
        const operation = await run.gateway.executeStatement(run.session, statement);
        run.operation = operation;
        const isQuery = i === statements.length - 1;
        let token: string | null = '0';
        let columnsSent = false;
        while (token !== null && !run.canceled) {
          const page: ResultPage = await run.gateway.fetchResults(run.session, operation, token);
          token = page.resultType === 'EOS' ? null : (nextToken(page) ?? token);
          if (!isQuery) continue;
          const data = page.results?.data ?? [];
          const columns: NonNullable<ResultPage['results']>['columns'] = !columnsSent && page.results?.columns?.length ? page.results.columns : undefined;
          if (data.length === 0 && !columns) {
            if (page.resultType === 'NOT_READY' || page.resultType === 'PAYLOAD') await sleep(IDLE_POLL_MS);
            continue;
          }
          columnsSent ||= columns !== undefined;
          const rows = data.slice(0, maxRows - received).map((r) => ({ kind: KIND[r.kind] ?? '+I', fields: r.fields }));
          received += rows.length;
          const full = received >= maxRows;
          send({
            ...(columns ? { columns: columns.map((c) => ({ name: c.name, type: c.logicalType?.type ?? '' })) } : {}),
            rows,
            dropped: 0,
            done: full,
            error: null,
          });
          if (full) break;
        }
        if (!isQuery) await run.gateway.closeOperation(run.session, operation).catch(() => undefined);
      }
      send({ rows: [], dropped: 0, done: true, error: null });
    } catch (error) {
      if (!run.canceled) {
        this.d.log.warn(`preview ${previewId} failed: ${error instanceof WeirError ? error.code : String(error)}`);
        send({ rows: [], dropped: 0, done: true, error: errorData(error) });
      } else send({ rows: [], dropped: 0, done: true, error: null });
    } finally {
      this.running.delete(previewId);
      if (run.operation) await run.gateway.cancelOperation(run.session, run.operation).catch(() => undefined);
      await run.gateway.closeSession(run.session).catch(() => undefined);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
