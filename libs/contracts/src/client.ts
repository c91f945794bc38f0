/**
 * What a typed HTTP client needs from the generated `paths`: which paths have an operation for a method, what a call
 * sends (path and query parameters, JSON body) and what it answers on success. The SPA's client
 * (apps/web/src/api/client.ts) and the browser tests' API calls both build on these, so neither names a response
 * type by hand.
 */
import type { paths } from './generated/openapi';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The paths that have an operation for `M`, e.g. ApiPathsWith<'put'> includes '/api/forms/{id}'. */
export type ApiPathsWith<M extends HttpMethod> = {
  [P in keyof paths]: paths[P][M] extends { responses: object } ? P : never;
}[keyof paths];

export type ApiOperationOf<P extends keyof paths, M extends HttpMethod> = Extract<paths[P][M], { responses: object }>;

type ParametersOf<O> = O extends { parameters: infer X } ? X : never;
type PathParameters<O> = ParametersOf<O> extends { path: infer X } ? X : never;
type QueryParameters<O> = ParametersOf<O> extends { query?: infer X } ? Exclude<X, undefined> : never;
type JsonBody<O> = O extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;

/** What a call of the operation sends: `path` and `body` when it has them, `query` (optional when all of it is). */
export type ApiRequest<O> = ([PathParameters<O>] extends [never] ? unknown : { path: PathParameters<O> }) &
  ([QueryParameters<O>] extends [never]
    ? unknown
    : object extends QueryParameters<O>
      ? { query?: QueryParameters<O> }
      : { query: QueryParameters<O> }) &
  ([JsonBody<O>] extends [never] ? unknown : { body: JsonBody<O> });

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : undefined;

/** The body of the operation's 2xx answer (undefined for a 204). */
export type ApiSuccess<O> = O extends { responses: infer R }
  ? JsonOf<R[Extract<keyof R, 200 | 201 | 202 | 204>]>
  : never;

type QueryValue = string | number | boolean | null | undefined;

/**
 * The URL of a call: `{name}` placeholders filled with encoded path parameters, then the query parameters that are
 * set (undefined and null are left out), in the order given.
 */
export function apiUrl(
  template: string,
  path?: Readonly<Record<string, string | number>>,
  query?: Readonly<Record<string, QueryValue>>,
): string {
  const url = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = path?.[name];
    if (value === undefined) throw new Error(`${template}: no value for {${name}}`);
    return encodeURIComponent(String(value));
  });
  // Form encoding as URLSearchParams writes it (a space is +); this library has no DOM or Node globals.
  const encode = (text: string) => encodeURIComponent(text).replace(/%20/g, '+');
  const search = Object.entries(query ?? {})
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${encode(key)}=${encode(String(value))}`)
    .join('&');
  return search ? `${url}?${search}` : url;
}
