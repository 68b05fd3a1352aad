import type { CallOptions, ClusterHttp } from '../http/cluster-http.js';

/**
 * Types that read a generated OpenAPI `paths` interface: the JSON a call answers with and the
 * JSON body it takes, so each client method is typed by Flink's own API description.
 */
export type Method = 'get' | 'post' | 'patch' | 'delete';

type Operation<Paths, P extends keyof Paths, M extends Method> = NonNullable<Paths[P][M & keyof Paths[P]]>;

type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : Record<string, never>;

export type Reply<Paths, P extends keyof Paths, M extends Method> =
  Operation<Paths, P, M> extends { responses: infer R }
    ? R extends { 200: infer Ok }
      ? JsonOf<Ok>
      : R extends { 202: infer Accepted }
        ? JsonOf<Accepted>
        : R extends { 201: infer Created }
          ? JsonOf<Created>
          : unknown
    : unknown;

export type RequestBody<Paths, P extends keyof Paths, M extends Method> =
  Operation<Paths, P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

/** `/jobs/{jobid}/savepoints/{triggerid}` + `{jobid, triggerid}` → a concrete path. */
export function fillPath(template: string, params: Readonly<Record<string, string>> = {}): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${template}`);
    return encodeURIComponent(value);
  });
}

/** A call function typed by `Paths`: path template, its parameters, JSON body and reply. */
export function typedCaller<Paths>(http: ClusterHttp) {
  return <P extends keyof Paths, M extends Method>(
    method: M,
    path: P,
    params?: Readonly<Record<string, string>>,
    options?: Omit<CallOptions, 'body'> & { body?: RequestBody<Paths, P, M> },
  ): Promise<Reply<Paths, P, M>> =>
    http.call(method.toUpperCase() as 'GET' | 'POST' | 'PATCH' | 'DELETE', fillPath(path as string, params), options) as Promise<
      Reply<Paths, P, M>
    >;
}
