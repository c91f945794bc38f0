// HTTP helpers of the benchmark scripts: one request over a keep-alive agent, timed from send to last byte.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * @param {http.Agent | false} agent @param {string} base @param {string} method @param {string} path
 * @param {{ token?: string, body?: unknown, timeoutMs?: number }} [options]
 * @returns {Promise<{ status: number, text: string, ms: number }>}
 */
export function request(agent, base, method, path, { token, body, timeoutMs = 60_000 } = {}) {
  return new Promise((resolveReq, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = payload.length;
    }
    const t0 = performance.now();
    const req = http.request(`${base}${path}`, { method, agent, headers, timeout: timeoutMs }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolveReq({
          status: res.statusCode,
          text: Buffer.concat(chunks).toString('utf8'),
          ms: performance.now() - t0,
        }),
      );
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: timeout`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** The parsed JSON body of a 2xx answer; anything else throws with the status and the start of the body. */
/**
 * @param {http.Agent | false} agent @param {string} base @param {string} method @param {string} path
 * @param {{ token?: string, body?: unknown, timeoutMs?: number }} [options]
 */
export async function requestJson(agent, base, method, path, options) {
  const res = await request(agent, base, method, path, options);
  if (res.status < 200 || res.status >= 300)
    throw new Error(`${method} ${path}: HTTP ${res.status} ${res.text.slice(0, 1000)}`);
  return JSON.parse(res.text);
}
