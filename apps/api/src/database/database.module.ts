import { type DynamicModule, Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createDataSource, guardPoolErrors } from './data-source';
import { SessionInvalidationListener } from './access/session-invalidations';

/** The DataSource of the app's non-owner role; every query a request makes runs through it. */
export const APP_DATA_SOURCE = Symbol('APP_DATA_SOURCE');
/** The app role's LISTEN connection for the session cache (database/access/session-invalidations.ts). */
export const SESSION_INVALIDATIONS = Symbol('SESSION_INVALIDATIONS');

@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    @Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(SESSION_INVALIDATIONS) private readonly invalidations: SessionInvalidationListener,
  ) {}

  static forRoot(appDatabaseUrl: string, poolSize = 10): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: APP_DATA_SOURCE,
          useFactory: async () => {
            const dataSource = createDataSource({ url: appDatabaseUrl, poolSize, applicationName: 'jixiaotong-api' });
            await dataSource.initialize();
            guardPoolErrors(dataSource);
            return dataSource;
          },
        },
        {
          provide: SESSION_INVALIDATIONS,
          useFactory: async () => {
            const listener = new SessionInvalidationListener(appDatabaseUrl, (message) =>
              new Logger('SessionCache').warn(message),
            );
            await listener.start();
            return listener;
          },
        },
      ],
      exports: [APP_DATA_SOURCE, SESSION_INVALIDATIONS],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.invalidations.stop();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
