import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/app-config';
import { addCommonErrors } from './api-error.dto';
import { normalizeDocument } from './normalize-document';

/** The HTTP contract of the app: what /api/docs serves and what libs/contracts/openapi.json holds. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('绩效通 API')
      .setDescription('项目支出绩效目标：组织、用户、项目、绩效目标填报表、绩效自评')
      .setVersion('0.1.0')
      .addBearerAuth()
      .addCookieAuth('jxt_session')
      .build(),
  );
  return addCommonErrors(normalizeDocument(document));
}

/**
 * The same document without a database or a port: Nest's preview mode resolves the module graph and the controllers'
 * metadata but instantiates no provider, so nothing connects. Used by tools/contract.mjs.
 */
export async function buildContractDocument(): Promise<OpenAPIObject> {
  const secret = 'contract-generation-only-0123456789abcdef';
  const config = loadConfig({
    NODE_ENV: 'development',
    DATA_DIR: join(tmpdir(), 'jxt-contract-unused'),
    SESSION_SECRET: secret,
    SEED_DEMO: 'false',
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, 'postgres://unused@127.0.0.1:1/unused'),
    new FastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  app.setGlobalPrefix('api');
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
