import { WeirError } from '../../shared/errors/weir-error.js';
import { gatewayStatements, statementHead } from '../../shared/sql/services/statement-plan.js';
import type { FlinkRestClient } from '../clusters/flink/flink-rest-client.js';
import { nextToken, type SqlGatewayClient } from '../clusters/gateway/sql-gateway-client.js';
import type { Submission } from './submission.js';
import { submitOnce } from './submit-once.js';

const POLL_MS = 200;
const STATEMENT_TIMEOUT_MS = 120_000;

/**
 * The SQL Gateway path: one session whose configuration carries the job's fixed id, name,
 * parallelism and savepoint; the script's statements run in order and the one that starts the
 * job answers with its id. The session is closed afterwards (a submitted job keeps running).
 */
export async function submitWithGateway(gateway: SqlGatewayClient, rest: FlinkRestClient, s: Submission): Promise<void> {
  const properties: Record<string, string> = {
    ...s.flinkConfig,
    '$internal.pipeline.job-id': s.jobId,
    'pipeline.name': s.jobName,
  };
  if (s.parallelism) properties['parallelism.default'] = String(s.parallelism);
  if (s.savepointPath) {
    properties['execution.savepoint.path'] = s.savepointPath;
    properties['execution.savepoint.ignore-unclaimed-state'] = String(s.allowNonRestoredState);
  }
  const session = await gateway.openSession(properties, `weir-deploy-${s.jobId}`);
  try {
    for (const statement of gatewayStatements(s.sql)) {
      await submitOnce(rest, s.jobId, async () => {
        await runStatement(gateway, session, statement);
      });
    }
  } finally {
    await gateway.closeSession(session).catch(() => undefined);
  }
}

/** Runs one statement to completion; its failure carries the gateway's first error lines. */
async function runStatement(gateway: SqlGatewayClient, session: string, statement: string): Promise<string | null> {
  const operation = await gateway.executeStatement(session, statement);
  const deadline = Date.now() + STATEMENT_TIMEOUT_MS;
  for (;;) {
    const { status } = await gateway.operationStatus(session, operation);
    if (status === 'FINISHED' || status === 'ERROR') break;
    if (status === 'CANCELED' || status === 'CLOSED') throw new WeirError('deploy.statement-canceled', { statement: statementHead(statement) });
    if (Date.now() > deadline) throw new WeirError('deploy.statement-timeout', { statement: statementHead(statement), seconds: STATEMENT_TIMEOUT_MS / 1000 });
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  // A failed operation answers the result fetch with its error; a finished one with its job id.
  let token: string | null = '0';
  try {
    while (token !== null) {
      const page = await gateway.fetchResults(session, operation, token);
      if (page.jobID) return page.jobID;
      if (page.resultType === 'EOS') return null;
      token = nextToken(page);
    }
    return null;
  } catch (error) {
    if (error instanceof WeirError && error.code === 'cluster.http-error') {
      throw new WeirError('deploy.statement-failed', { statement: statementHead(statement) }, { cause: error, details: error.details, trace: error.trace });
    }
    throw error;
  } finally {
    await gateway.closeOperation(session, operation).catch(() => undefined);
  }
}
