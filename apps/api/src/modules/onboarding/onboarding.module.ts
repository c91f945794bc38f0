import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { ImportsModule } from '../imports/imports.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { UsersModule } from '../users/users.module';
import { OnboardingController } from './onboarding.controller';
import { OnboardingRepository } from './onboarding.repository';
import { OnboardingService } from './onboarding.service';

/** 批量导入 (issue 13 point 7): a district's organisations and users from the template workbook, in one transaction. */
@Module({
  imports: [CatalogModule, ImportsModule, OrganizationsModule, UsersModule],
  controllers: [OnboardingController],
  providers: [OnboardingService, OnboardingRepository],
})
export class OnboardingModule {}
