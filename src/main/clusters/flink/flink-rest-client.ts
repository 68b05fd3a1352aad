import { Blob } from 'node:buffer';
import { FormData } from 'undici';
import { ClusterHttp, type EndpointOptions } from '../http/cluster-http.js';
import { MAX_REPLY_BYTES } from '../http/reply-limits.js';
import type { components, paths } from '../rest-api/flink-dispatcher.js';
import { typedCaller, type RequestBody } from './typed-call.js';

export type FlinkSchemas = components['schemas'];
export type JobState = FlinkSchemas['JobStatus'];
export type JobOverview = FlinkSchemas['JobDetails'];

/** Jar uploads and runs plan a whole SQL script inside the JobManager: they take longer. */
const JAR_TIMEOUT_MS = 120_000;

/**
 * The JobManager REST API (v1) of one cluster, typed by the generated description of Flink 1.20.
 * Reads retry on network failures; writes never retry here (deploy decides, with a fixed job id).
 */
export class FlinkRestClient {
  readonly http: ClusterHttp;
  private readonly call: ReturnType<typeof typedCaller<paths>>;

  constructor(endpoint: EndpointOptions) {
    this.http = new ClusterHttp(endpoint);
    this.call = typedCaller<paths>(this.http);
  }


  config() {
    return this.call('get', '/config');
  }

  overview() {
    return this.call('get', '/overview');
  }

  jobsOverview(options?: { retries?: number; timeoutMs?: number }) {
    return this.call('get', '/jobs/overview', undefined, { ...options, maxReplyBytes: MAX_REPLY_BYTES.list });
  }

  job(jobid: string, options?: { retries?: number }) {
    return this.call('get', '/jobs/{jobid}', { jobid }, options);
  }

  /** The configuration the job's JobManager runs with (savepoint and checkpoint directories ...). */
  jobManagerConfig(jobid: string) {
    return this.call('get', '/jobs/{jobid}/jobmanager/config', { jobid });
  }

  jobExceptions(jobid: string) {
    return this.call('get', '/jobs/{jobid}/exceptions', { jobid }, { query: { maxExceptions: 20 } });
  }

  jobCheckpoints(jobid: string) {
    return this.call('get', '/jobs/{jobid}/checkpoints', { jobid });
  }

  vertexBackpressure(jobid: string, vertexid: string) {
    return this.call('get', '/jobs/{jobid}/vertices/{vertexid}/backpressure', { jobid, vertexid });
  }

  taskManagers() {
    return this.call('get', '/taskmanagers', undefined, { maxReplyBytes: MAX_REPLY_BYTES.list });
  }

  jobManagerLogs() {
    return this.call('get', '/jobmanager/logs');
  }

  taskManagerLogs(taskmanagerid: string) {
    return this.call('get', '/taskmanagers/{taskmanagerid}/logs', { taskmanagerid });
  }

  /** A log file's text (served as a file, so not part of the API description). */
  logFile(source: { jobManager: true } | { taskManager: string }, name: string): Promise<string> {
    const base = 'jobManager' in source ? '/jobmanager' : `/taskmanagers/${encodeURIComponent(source.taskManager)}`;
    return this.http.call('GET', `${base}/logs/${encodeURIComponent(name)}`, { expect: 'text' }) as Promise<string>;
  }

  jars() {
    return this.call('get', '/jars', undefined, { maxReplyBytes: MAX_REPLY_BYTES.list });
  }

  /** POST /jars/upload takes multipart form data with exactly one `.jar` part. */
  async uploadJar(bytes: Uint8Array, fileName: string): Promise<string> {
    const form = new FormData();
    form.append('jarfile', new Blob([bytes], { type: 'application/java-archive' }), fileName);
    const reply = (await this.http.call('POST', '/jars/upload', { form, timeoutMs: JAR_TIMEOUT_MS })) as {
      filename?: string;
    };
    const stored = reply.filename ?? '';
    return stored.slice(stored.lastIndexOf('/') + 1);
  }

  runJar(jarid: string, body: RequestBody<paths, '/jars/{jarid}/run', 'post'>) {
    return this.call('post', '/jars/{jarid}/run', { jarid }, { body, timeoutMs: JAR_TIMEOUT_MS });
  }

  deleteJar(jarid: string) {
    return this.call('delete', '/jars/{jarid}', { jarid });
  }

  triggerSavepoint(jobid: string, body: RequestBody<paths, '/jobs/{jobid}/savepoints', 'post'>) {
    return this.call('post', '/jobs/{jobid}/savepoints', { jobid }, { body });
  }

  stopWithSavepoint(jobid: string, body: RequestBody<paths, '/jobs/{jobid}/stop', 'post'>) {
    return this.call('post', '/jobs/{jobid}/stop', { jobid }, { body });
  }

  savepointStatus(jobid: string, triggerid: string) {
    return this.call('get', '/jobs/{jobid}/savepoints/{triggerid}', { jobid, triggerid });
  }

  cancel(jobid: string) {
    return this.call('patch', '/jobs/{jobid}', { jobid }, { query: { mode: 'cancel' } });
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
