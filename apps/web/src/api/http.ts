import type { ApiError } from '@jxt/contracts';

/** An API answer other than 2xx, with the server's message and per-field errors. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError,
  ) {
    super(body.message);
  }
}

type UnauthorizedListener = (message: string) => void;
let onUnauthorized: UnauthorizedListener = () => undefined;

/** The app shell registers what happens when a session ends (back to the login page with a message). */
export function setUnauthorizedListener(listener: UnauthorizedListener): void {
  onUnauthorized = listener;
}

function csrfToken(): string | undefined {
  const match = document.cookie.match(/(?:^|;\s*)jxt_csrf=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : undefined;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * Every call of the SPA: the httpOnly session cookie authenticates, and writes carry the CSRF token
 * (double submit). A 401 outside the login call means the session is gone. Answers the parsed JSON (undefined for a
 * 204), untyped: the typed client (./client.ts) gives it the type the OpenAPI document says.
 */
export async function apiFetch(path: string, { method = 'GET', body, signal }: RequestOptions = {}): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // A file upload (FormData) sets its own multipart content type with the boundary; everything else is JSON.
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['x-csrf-token'] = token;
  }
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    credentials: 'same-origin',
    signal,
  });
  if (response.status === 204) return undefined;
  const data = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = new ApiRequestError(
      response.status,
      (data as ApiError | null) ?? {
        statusCode: response.status,
        error: response.statusText,
        message: `请求失败（${response.status}）`,
      },
    );
    // The login's own steps answer 401 for a wrong password or code: that is no ended session.
    if (response.status === 401 && !path.startsWith('/api/auth/login')) onUnauthorized(error.message);
    throw error;
  }
  return data;
}
