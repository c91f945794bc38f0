import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Authenticated, Public } from './access.decorators';
import { AccessRulesCheck } from './access-rules.check';

@Controller('ruled')
@Authenticated()
class RuledController {
  @Get() list() {
    return [];
  }
  @Get('open') @Public() open() {
    return 'ok';
  }
}

@Controller('unruled')
class UnruledController {
  @Get() leak() {
    return 'data';
  }
}

async function boot(controllers: (new () => object)[]) {
  @Module({ imports: [DiscoveryModule], controllers, providers: [AccessRulesCheck] })
  class TestModule {}
  const app = await NestFactory.create(TestModule, new FastifyAdapter(), { logger: false, abortOnError: false });
  try {
    await app.init();
  } finally {
    await app.close();
  }
}

describe('AccessRulesCheck', () => {
  it('boots when every route declares who may call it (on the method or the controller)', async () => {
    await expect(boot([RuledController])).resolves.toBeUndefined();
  });

  it('refuses to boot when a route has no access rule, naming it', async () => {
    await expect(boot([RuledController, UnruledController])).rejects.toThrow('UnruledController.leak');
  });
});
