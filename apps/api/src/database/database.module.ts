import { type DynamicModule, Global, Module, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createDataSource, guardPoolErrors } from './data-source';

/** The DataSource of the app's non-owner role; every query a request makes runs through it. */
export const APP_DATA_SOURCE = Symbol('APP_DATA_SOURCE');

@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource) {}

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
      ],
      exports: [APP_DATA_SOURCE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
