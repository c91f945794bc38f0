import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_RULE } from './access.decorators';

/** Refuses to boot when any route lacks an access rule: a new route without one is a bug. */
@Injectable()
export class AccessRulesCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const missing: string[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance) continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as (...args: unknown[]) => unknown;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const rule = this.reflector.getAllAndOverride(ACCESS_RULE, [handler, instance.constructor]);
        if (!rule) missing.push(`${instance.constructor.name}.${name}`);
      }
    }
    if (missing.length)
      throw new Error(`Routes without an access rule (@Public, @Authenticated or @Roles): ${missing.join(', ')}`);
  }
}
