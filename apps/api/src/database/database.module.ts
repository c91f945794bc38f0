import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Global,
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createDataSource, guardPoolErrors } from './data-source';
import { SessionInvalidationListener } from './access/session-invalidations';
import { JobRunner, type JobRunnerSettings } from './jobs/job-runner';

/** The DataSource of the app's non-owner role; every query a request makes runs through it. */
export const APP_DATA_SOURCE = Symbol('APP_DATA_SOURCE');
/** The app role's LISTEN connection for the session cache (database/access/session-invalidations.ts). */
export const SESSION_INVALIDATIONS = Symbol('SESSION_INVALIDATIONS');

const DEFAULT_JOB_SETTINGS: JobRunnerSettings = { pollSeconds: 1, cronMonitorSeconds: 30 };

@Global()
@Module({})
export class DatabaseModule implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(SESSION_INVALIDATIONS) private readonly invalidations: SessionInvalidationListener,
    private readonly jobs: JobRunner,
  ) {}

  static forRoot(appDatabaseUrl: string, jobSettings = DEFAULT_JOB_SETTINGS, poolSize = 10): DynamicModule {
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
        {
          provide: JobRunner,
          useFactory: () =>
            new JobRunner(appDatabaseUrl, jobSettings, (message) => new Logger('JobRunner').warn(message)),
        },
      ],
      exports: [APP_DATA_SOURCE, SESSION_INVALIDATIONS, JobRunner],
    };
  }

  /** Every module has registered its workers and schedules by now. */
  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.start();
  }

  /** Running jobs finish their step (or are handed back for a retry) while the pool is still there. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.jobs.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.invalidations.stop();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
