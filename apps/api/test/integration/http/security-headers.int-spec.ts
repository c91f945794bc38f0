import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LightMyRequestResponse } from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { startSecondApp, startTestApp, type TestApp } from '../../support/test-app';

// What `vite build` writes with html.cspNonce (apps/web/vite.config.ts): the placeholder on every tag it emits and
// on <meta property="csp-nonce">. The API must answer each request with its own nonce in place of it.
const PLACEHOLDER = '__JXT_CSP_NONCE__';
const INDEX_HTML = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <title>绩效通</title>
    <meta property="csp-nonce" nonce="${PLACEHOLDER}">
    <script type="module" crossorigin src="/assets/index-test.js" nonce="${PLACEHOLDER}"></script>
    <link rel="stylesheet" crossorigin href="/assets/index-test.css" nonce="${PLACEHOLDER}">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;
const SCRIPT = 'console.log("绩效通");\n'.repeat(50);

/** A built SPA as tools/compress-dist.mjs used to leave it: .br/.gz beside every text file, index.html included. */
function writeDist(): string {
  const dist = mkdtempSync(join(tmpdir(), 'jxt-test-dist-'));
  mkdirSync(join(dist, 'assets'));
  const files: Record<string, string> = {
    'index.html': INDEX_HTML,
    'assets/index-test.js': SCRIPT,
    'assets/index-test.css': 'body { margin: 0; }\n',
  };
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dist, name), text);
    writeFileSync(join(dist, `${name}.br`), brotliCompressSync(text));
    writeFileSync(join(dist, `${name}.gz`), gzipSync(text));
  }
  return dist;
}

type Policy = Record<string, string[]>;

function policyOf(response: LightMyRequestResponse): Policy {
  const header = response.headers['content-security-policy'];
  expect(typeof header).toBe('string');
  return Object.fromEntries(
    String(header)
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values]),
  );
}

/** The headers every answer carries, whatever its policy. */
function expectCommonHeaders(response: LightMyRequestResponse): void {
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['x-frame-options']).toBe('DENY');
  expect(response.headers['referrer-policy']).toBe('no-referrer');
  expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
  expect(policyOf(response)['frame-ancestors']).toEqual(["'none'"]);
}

/** The nonce the page hands to antd, and that Vite put on its own tags. */
function nonceInPage(html: string): string {
  const meta = /<meta property="csp-nonce" nonce="([^"]+)">/.exec(html);
  expect(meta).not.toBeNull();
  return meta![1];
}

describe('security headers', () => {
  let t: TestApp;
  let behindProxy: NestFastifyApplication;
  let dist: string;

  beforeAll(async () => {
    dist = writeDist();
    t = await startTestApp({}, { webDistDir: dist });
    // Behind one trusted proxy hop (TRUST_PROXY=1), so X-Forwarded-Proto tells how the browser connected.
    behindProxy = await startSecondApp(t, {}, { webDistDir: dist, production: true, trustProxyHops: 1 });
  });

  afterAll(async () => {
    await behindProxy?.close();
    await t?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('gives API answers a policy that loads nothing, and the common headers', async () => {
    const answers = [
      await t.app.inject({ method: 'GET', url: '/api/health' }),
      await t.app.inject({ method: 'GET', url: '/api/auth/me' }),
      await t.app.inject({ method: 'GET', url: '/api/no-such-route' }),
      await t.app.inject({ method: 'GET', url: '/api/docs-json' }),
    ];
    expect(answers.map((response) => response.statusCode)).toEqual([200, 401, 404, 200]);
    for (const response of answers) {
      expectCommonHeaders(response);
      const policy = policyOf(response);
      expect(policy['default-src']).toEqual(["'none'"]);
      expect(policy['base-uri']).toEqual(["'none'"]);
      expect(policy['form-action']).toEqual(["'none'"]);
      // Plain HTTP: no HSTS.
      expect(response.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('sends HSTS only when the browser came over HTTPS, as a trusted proxy says', async () => {
    const overTls = await behindProxy.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(overTls.statusCode).toBe(200);
    expect(overTls.headers['strict-transport-security']).toBe('max-age=31536000');
    const page = await behindProxy.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-proto': 'https' } });
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000');

    const plain = await behindProxy.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'http' },
    });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    // Without a trusted proxy the header is the client's own word: ignored.
    const spoofed = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
  });

  it('renders index.html per request with a fresh nonce, the one its CSP names for styles', async () => {
    const urls = ['/', '/projects?year=2021', '/forms/00000000-0000-4000-8000-000000000000', '/index.html'];
    const nonces: string[] = [];
    for (const url of urls) {
      // Asking for brotli must not get the build's compressed copy, which still holds the placeholder.
      const response = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br, gzip' } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.headers['cache-control']).toBe('no-store');
      expectCommonHeaders(response);

      const html = response.body;
      expect(html).not.toContain(PLACEHOLDER);
      const nonce = nonceInPage(html);
      expect(nonce).toMatch(/^[A-Za-z0-9+/=_-]{22,}$/);
      expect(html).toContain(`src="/assets/index-test.js" nonce="${nonce}"`);
      nonces.push(nonce);

      const policy = policyOf(response);
      expect(policy['default-src']).toEqual(["'self'"]);
      expect(policy['style-src']).toEqual(["'self'", `'nonce-${nonce}'`]);
      // No inline script: scripts are the build's files; the nonce of the page is not a script nonce.
      expect(policy['script-src']).toContain("'self'");
      expect(policy['script-src']).not.toContain("'unsafe-inline'");
      expect(policy['script-src']).not.toContain("'unsafe-eval'");
      expect(policy['script-src']).not.toContain(`'nonce-${nonce}'`);
      expect(policy['object-src']).toEqual(["'none'"]);
      expect(policy['connect-src']).toEqual(["'self'"]);
    }
    expect(new Set(nonces).size).toBe(urls.length);
  });

  it('still serves the build’s assets pre-compressed, with the common headers', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/assets/index-test.js',
      headers: { 'accept-encoding': 'br' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.rawPayload.equals(brotliCompressSync(SCRIPT))).toBe(true);
    expectCommonHeaders(response);
  });

  it('gives Swagger UI its own policy, on its paths only', async () => {
    for (const url of ['/api/docs', '/api/docs/swagger-ui-init.js', '/api/docs/swagger-ui.css']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expectCommonHeaders(response);
      const policy = policyOf(response);
      // Its page has inline <style> blocks and style attributes, and data: images; its scripts are files.
      expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
      expect(policy['img-src']).toEqual(["'self'", 'data:']);
      expect(policy['script-src']).toEqual(["'self'"]);
      expect(policy['connect-src']).toEqual(["'self'"]);
    }
  });
});
