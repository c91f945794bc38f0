import { Module } from '@nestjs/common';
import { FinanceDivisionsController } from './finance-divisions.controller';
import { FinanceDivisionsService } from './finance-divisions.service';
import { OrganizationRepository } from './organization.repository';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsService } from './organizations.service';

@Module({
  controllers: [OrganizationsController, FinanceDivisionsController],
  providers: [OrganizationsService, FinanceDivisionsService, OrganizationRepository],
  exports: [OrganizationsService, FinanceDivisionsService],
})
export class OrganizationsModule {}
