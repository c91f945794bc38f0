import 'reflect-metadata';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from './config/app-config';
import { AppModule } from './app.module';
import { AuditRecorder } from './modules/audit/audit-recorder';
import { installRequestTransactionHooks } from './common/tenancy/request-transaction-hooks';
import { API_HELMET, CSP_NONCE_PLACEHOLDER, registerSecurityHeaders, SPA_HELMET } from './common/http/security-headers';
import { answerFrameworkError, BODY_LIMIT, installInputChecks } from './common/http/request-input';
import { createValidationPipe } from './common/http/validation';
import { createOpenApiDocument } from './openapi/openapi-document';

export interface CreateAppOptions {
  config: AppConfig;
  /** Connection of the non-owner app role (see database/app-role.ts). */
  appDatabaseUrl: string;
  logger?: false | ('error' | 'warn' | 'log')[];
}

/** Builds the whole HTTP app; main.ts listens on it, integration tests inject requests into it. */
export async function createApp({
  config,
  appDatabaseUrl,
  logger = ['error', 'warn'],
}: CreateAppOptions): Promise<NestFastifyApplication> {
  // Fastify's own pino logger: one JSON line per request at LOG_LEVEL=info (the production default).
  const adapter = new FastifyAdapter({
    trustProxy: config.trustProxyHops > 0 ? config.trustProxyHops : false,
    bodyLimit: BODY_LIMIT,
    // A request id nobody can guess or repeat across processes: the log's reqId, X-Request-Id and a 5xx's requestId.
    genReqId: () => randomUUID(),
    frameworkErrors: answerFrameworkError,
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, appDatabaseUrl), adapter, {
    logger,
  });
  await app.register(fastifyCookie);
  // multipart/form-data (the workbook of POST /api/imports): parts are read by the route, each bounded there.
  await app.register(fastifyMultipart);
  installInputChecks(app);
  // Before any route is added: the headers are set up per route (ADR 0015).
  await registerSecurityHeaders(app);
  installRequestTransactionHooks(app.getHttpAdapter().getInstance(), app.get(AuditRecorder));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());

  const document = createOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  if (existsSync(config.webDistDir)) {
    // The SPA is served from the same port. Paths outside /api that are not files get index.html, so a
    // reload of /forms/… works; unknown /api paths stay JSON 404s.
    const fastifyStatic = (await import('@fastify/static')).default;
    const fastify = app.getHttpAdapter().getInstance();
    // index.html is rendered per request (a fresh CSP nonce in place of Vite's placeholder), never sent as a file.
    const indexParts = readFileSync(join(config.webDistDir, 'index.html'), 'utf8').split(CSP_NONCE_PLACEHOLDER);
    if (indexParts.length === 1)
      new Logger('Spa').warn(
        `${config.webDistDir}/index.html has no CSP nonce placeholder: antd's styles will be refused; rebuild the web app`,
      );
    // preCompressed: the build writes .br/.gz beside each asset (tools/compress-dist.mjs).
    await fastify.register(fastifyStatic, {
      root: config.webDistDir,
      prefix: '/',
      wildcard: false,
      index: false,
      preCompressed: true,
      globIgnore: ['index.html', 'index.html.*'],
    });
    fastify.get('/*', { helmet: SPA_HELMET }, (request, reply) => {
      if (request.url.startsWith('/api/') || request.url === '/api') {
        reply.helmet(API_HELMET);
        return reply
          .status(404)
          .send({ statusCode: 404, error: 'Not Found', message: `没有这个接口：${request.method} ${request.url}` });
      }
      const path = request.url.split('?')[0];
      if (path !== '/index.html' && /\.[a-z0-9]+$/i.test(path) && existsSync(join(config.webDistDir, path)))
        return reply.sendFile(path.slice(1));
      // The page and its CSP header carry the same nonce; no cache may keep it for another answer.
      return reply
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(indexParts.join(reply.cspNonce.style));
    });
  }

  await app.init();
  return app;
}
