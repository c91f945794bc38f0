import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';

// Security headers on every answer (ADR 0015): @fastify/helmet with three Content-Security-Policies — one for API
// answers and static files, one for the SPA's index.html (with a per-request style nonce), one for Swagger UI.

/**
 * Vite writes this on the tags it emits into index.html and on `<meta property="csp-nonce">` (`html.cspNonce` in
 * apps/web/vite.config.ts, the same string); the API replaces it with each answer's nonce.
 */
export const CSP_NONCE_PLACEHOLDER = '__JXT_CSP_NONCE__';

/** Sent only to a browser that came over HTTPS (see `installHsts`); no includeSubDomains: other hosts are not ours. */
export const HSTS_HEADER = 'max-age=31536000';

type Directives = Record<string, string[]>;
/** helmet's own options (what `reply.helmet` takes); helmet itself comes with @fastify/helmet. */
type HelmetOptions = NonNullable<Parameters<FastifyReply['helmet']>[0]>;

/** JSON answers and the build's files: nothing may load into them, nothing may frame them. */
const API_DIRECTIVES: Directives = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

/**
 * index.html: scripts, styles and data only from the app's own origin; no inline script. antd 6 writes its styles
 * into `<style>` tags at run time: those carry the nonce helmet adds to style-src (`enableCSPNonces`), which the
 * page hands to antd's ConfigProvider. No upgrade-insecure-requests: a plain-HTTP intranet install must keep working.
 */
const SPA_DIRECTIVES: Directives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Swagger UI (/api/docs): its page has inline `<style>` blocks and style attributes and data: images. */
const SWAGGER_DIRECTIVES: Directives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const policy = (directives: Directives): FastifyHelmetOptions['contentSecurityPolicy'] => ({
  useDefaults: false,
  directives,
});

/** The route option of the SPA's index.html: its policy, with a fresh nonce per request in `reply.cspNonce.style`. */
export const SPA_HELMET: Omit<FastifyHelmetOptions, 'global'> = {
  enableCSPNonces: true,
  contentSecurityPolicy: policy(SPA_DIRECTIVES),
};

/** For an API answer given by a route that has another policy (the SPA's catch-all answering an unknown /api path). */
export const API_HELMET: HelmetOptions = { contentSecurityPolicy: policy(API_DIRECTIVES) };

/** Swagger UI's routes: the page, its init script, its static files; not /api/docs-json (an API answer). */
const SWAGGER_UI_ROUTE = /^\/api\/docs(\/|$)/;

/** Registers the headers for every route added after it: call before any route (Swagger, the SPA) is set up. */
export async function registerSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  // Added before helmet's own onRoute hook, which reads the `helmet` option of each route as it is added:
  // SwaggerModule registers its routes without a way to pass route options.
  fastify.addHook('onRoute', (route) => {
    if (SWAGGER_UI_ROUTE.test(route.url)) route.helmet = { contentSecurityPolicy: policy(SWAGGER_DIRECTIVES) };
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: policy(API_DIRECTIVES),
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Conditional, below.
    strictTransportSecurity: false,
  });
  // HSTS when the browser came over HTTPS: TLS ends at the operator's proxy, whose X-Forwarded-Proto Fastify believes
  // only with trust proxy on (production). The session cookie's Secure flag reads the same `request.protocol`.
  fastify.addHook('onRequest', (request, reply, done) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS_HEADER);
    done();
  });
}
