import {
  apiUrl,
  type ApiOperationOf,
  type ApiPathsWith,
  type ApiRequest,
  type ApiSuccess,
  type HttpMethod,
} from '@jxt/contracts';
import { apiFetch } from './http';

type CallOptions<O> = ApiRequest<O> & { signal?: AbortSignal };
/** The options argument: required when the operation has path parameters, a body or required query parameters. */
type CallArgs<O> = object extends ApiRequest<O> ? [options?: CallOptions<O>] : [options: CallOptions<O>];

async function call<O>(method: HttpMethod, template: string, options?: CallOptions<O>): Promise<ApiSuccess<O>> {
  const { path, query, body, signal } = (options ?? {}) as {
    path?: Record<string, string | number>;
    query?: Record<string, string | number | boolean | null | undefined>;
    body?: unknown;
    signal?: AbortSignal;
  };
  const data = await apiFetch(apiUrl(template, path, query), {
    method: method.toUpperCase() as Uppercase<HttpMethod>,
    body,
    signal,
  });
  // The one place parsed JSON meets its type: the type is the OpenAPI document's schema for this operation's 2xx
  // answer (libs/contracts/openapi.json), and the API's integration tests check every real answer against it.
  return data as ApiSuccess<O>;
}

const method =
  <M extends HttpMethod>(name: M) =>
  <P extends ApiPathsWith<M>>(path: P, ...[options]: CallArgs<ApiOperationOf<P, M>>) =>
    call<ApiOperationOf<P, M>>(name, path, options);

/**
 * The SPA's API client, typed by the generated `paths`: `api.get('/api/forms/{id}', { path: { id } })` answers a
 * GoalForm. Every call goes through apiFetch (session cookie, CSRF token on writes, the 401 listener).
 */
export const api = {
  get: method('get'),
  post: method('post'),
  put: method('put'),
  patch: method('patch'),
  delete: method('delete'),
};
