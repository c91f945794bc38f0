#!/usr/bin/env node
// @ts-check
// Scoring engine speed (issue: 60-indicator evaluation under 1 ms; 3,000 evaluations re-scored well under 10 s).
// Runs the built libs/domain: `npx nx run domain:build && node tools/bench/scoring.mjs`.
// Also imported by tools/bench/evaluation.mjs (benchScoringEngine), so both report the same figure.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
const require = createRequire(import.meta.url);
const { DEFAULT_SCORING_POLICY, readTarget, scoreEvaluation } = require('../../libs/domain/dist/index.js');

const samples = [
  ['output', '=100%', '100%'],
  ['output', '=2次', '1次'],
  ['output', '≤4小时', '5小时'],
  ['output', '及时', '及时'],
  ['benefit', '>=90%', '92%'],
  ['benefit', '≤90万元', '850000元'],
  ['satisfaction', '>=90%', '88%'],
];

/** A 60-indicator evaluation (every kind of rule) scored `timed` times after a warm-up, then 3,000 scored back to back. */
export function benchScoringEngine({ indicatorCount = 60, warmup = 2000, timed = 5000, evaluations = 3000 } = {}) {
  const indicators = Array.from({ length: indicatorCount }, (_, i) => {
    const [level1Code, target, actual] = samples[i % samples.length];
    return { level1Code, target: readTarget(target).target, actual, selfShare: '0.9', deviationReason: '说明' };
  });
  const evaluation = { budgetAmount: '8927300.00', executedAmount: '8500000.00', indicators };

  for (let i = 0; i < warmup; i++) scoreEvaluation(evaluation, DEFAULT_SCORING_POLICY);
  /** @type {number[]} */
  const times = [];
  for (let i = 0; i < timed; i++) {
    const start = process.hrtime.bigint();
    scoreEvaluation(evaluation, DEFAULT_SCORING_POLICY);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  /** @param {number} q */
  const at = (q) => Number(times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(3));
  const started = process.hrtime.bigint();
  for (let i = 0; i < evaluations; i++) scoreEvaluation(evaluation, DEFAULT_SCORING_POLICY);
  const batchMs = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    indicators: indicatorCount,
    timed,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    evaluations,
    batchMs: Number(batchMs.toFixed(0)),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = benchScoringEngine();
  console.log(
    `scoring a 60-indicator evaluation: p50 ${r.p50.toFixed(3)} ms, p90 ${r.p90.toFixed(3)} ms, p99 ${r.p99.toFixed(3)} ms (target < 1 ms)`,
  );
  console.log(
    `re-scoring 3,000 evaluations (district scale) in the engine: ${r.batchMs} ms (target < 10,000 ms incl. the job)`,
  );
}
