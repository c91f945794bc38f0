import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { AccessRulesCheck } from './common/auth/access-rules.check';
import { SessionCache } from './common/auth/session-cache';
import { SessionGuard } from './common/auth/session.guard';
import { ApiExceptionFilter } from './common/http/api-exception.filter';
import { DatabaseModule } from './database/database.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { CatalogModule } from './modules/catalog/catalog.module';
import { EvaluationsModule } from './modules/evaluations/evaluations.module';
import { ExportsModule } from './modules/exports/exports.module';
import { FormsModule } from './modules/forms/forms.module';
import { HealthModule } from './modules/health/health.module';
import { ImportsModule } from './modules/imports/imports.module';
import { IndicatorLibraryModule } from './modules/indicator-library/indicator-library.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { OnboardingModule } from './modules/onboarding/onboarding.module';
import { OrganizationsModule } from './modules/organizations/organizations.module';
import { ProjectsModule } from './modules/projects/projects.module';
import { UsersModule } from './modules/users/users.module';
import { WorkflowModule } from './modules/workflow/workflow.module';
import { YearsModule } from './modules/years/years.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, appDatabaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        DiscoveryModule,
        DatabaseModule.forRoot(appDatabaseUrl, config.jobs),
        AuthModule,
        OrganizationsModule,
        UsersModule,
        CatalogModule,
        ProjectsModule,
        FormsModule,
        WorkflowModule,
        EvaluationsModule,
        ExportsModule,
        ImportsModule,
        OnboardingModule,
        YearsModule,
        HealthModule,
        AuditModule,
        NotificationsModule,
        IndicatorLibraryModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        SessionCache,
        { provide: APP_GUARD, useClass: SessionGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        AccessRulesCheck,
      ],
      exports: [APP_CONFIG],
    };
  }
}
