import { expect, test as base, type BrowserContext } from '@playwright/test';

// Every browser test runs with the app's Content-Security-Policy on (the built app as `npm start` serves it) and
// fails on any violation: the page's `securitypolicyviolation` events and Chromium's console lines about the policy.

/** The violations of the running test (one worker: one test at a time). */
let violations: string[] = [];

const BINDING = '__jxtCspViolation';

/** Reports every CSP violation of every page of `context` into the running test's list. */
export async function watchCsp(context: BrowserContext): Promise<void> {
  await context.exposeBinding(BINDING, (source, violation: string) => {
    violations.push(`${source.page?.url() ?? '?'}: ${violation}`);
  });
  await context.addInitScript((binding) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as Record<string, (violation: string) => void>)[binding];
      const sample = event.sample ? ` «${event.sample}»` : '';
      report(
        `${event.effectiveDirective} refused ${event.blockedURI || 'inline'}${sample} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  }, BINDING);
  context.on('console', (message) => {
    if (/Content[ -]Security[ -]Policy/i.test(message.text()))
      violations.push(`${message.page()?.url() ?? '?'}: ${message.text()}`);
  });
}

/**
 * `test` of @playwright/test, with the CSP watched in the test's own context (`logInNewContext` watches its own), and
 * the contexts a test opened besides its own closed when it ends: their pages would go on polling beside later tests.
 */
export const test = base.extend<{ cspViolations: string[]; closeOtherContexts: void }>({
  closeOtherContexts: [
    async ({ browser, context }, use) => {
      await use();
      await Promise.all(
        browser
          .contexts()
          .filter((other) => other !== context)
          .map((other) => other.close()),
      );
    },
    { auto: true },
  ],
  cspViolations: [
    async ({ context }, use) => {
      violations = [];
      await watchCsp(context);
      await use(violations);
      // Each distinct one once (a refused style repeats at every render).
      expect([...new Set(violations)], 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});
