/**
 * Runs `work` and records how long it took as a User Timing measure named `name`: DevTools' Performance panel shows
 * it, and bench:web reads it (`performance.getEntriesByName(name)`) to time the real code in the browser. jsdom has
 * no `performance.measure`; there `work` only runs.
 */
export function timed<T>(name: string, work: () => T): T {
  const start = performance.now();
  const result = work();
  if ('measure' in performance) performance.measure(name, { start, end: performance.now() });
  return result;
}
