// @ts-check
// Latency measurement of the benchmark scripts: N calls with a fixed number in flight, summarised.
import { performance } from 'node:perf_hooks';
import { request } from './http.mjs';
import { percentile, round } from './process.mjs';

/**
 * p50 … max and the mean of latencies in ms (any order), and the rate over `wallMs`.
 * @param {number[]} times
 * @param {number} [wallMs]
 */
export function latencySummary(times, wallMs) {
  const s = [...times].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: round(percentile(s, 50), 2),
    p90: round(percentile(s, 90), 2),
    p95: round(percentile(s, 95), 2),
    p99: round(percentile(s, 99), 2),
    min: round(s[0], 2),
    max: round(s[s.length - 1], 2),
    mean: round(s.reduce((a, b) => a + b, 0) / s.length, 2),
    perSecond: wallMs ? round((s.length / wallMs) * 1000, 0) : null,
  };
}

/**
 * Runs `count` calls of `one(i)` (each resolving to its latency in ms) with `concurrency` in flight.
 * @param {number} count
 * @param {number} concurrency
 * @param {(i: number) => Promise<number>} one
 */
export async function measureCalls(count, concurrency, one) {
  /** @type {number[]} */
  const times = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) times.push(await one(i));
    }),
  );
  return { concurrency, ...latencySummary(times, performance.now() - t0) };
}

/**
 * `GET path` as `token`, one at a time over `agent`: `warmUp` calls, then `count` timed ones (any answer but 200 is an
 * error), summarised as latencySummary does.
 * @param {import('node:http').Agent} agent @param {string} base @param {string} token @param {string} path
 * @param {number} count @param {number} [warmUp]
 */
export async function measureGets(agent, base, token, path, count, warmUp = 30) {
  for (let i = 0; i < warmUp; i++) await request(agent, base, 'GET', path, { token });
  /** @type {number[]} */
  const times = [];
  for (let i = 0; i < count; i++) {
    const r = await request(agent, base, 'GET', path, { token });
    if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${r.text.slice(0, 200)}`);
    times.push(r.ms);
  }
  return latencySummary(times);
}
