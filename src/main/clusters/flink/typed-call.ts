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
