import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { FormHistoryModule } from '../form-history/form-history.module';
import { ProjectRecordsModule } from '../project-records/project-records.module';
import { FormRepository } from './form.repository';
import { FormsController } from './forms.controller';
import { FormsService } from './forms.service';
import { QualityPoliciesController } from './quality-policies.controller';
import { QualityPoliciesService } from './quality-policies.service';
import { QualityPolicyRepository } from './quality-policy.repository';

@Module({
  imports: [CatalogModule, FormHistoryModule, ProjectRecordsModule],
  controllers: [FormsController, QualityPoliciesController],
  providers: [FormsService, FormRepository, QualityPoliciesService, QualityPolicyRepository],
  exports: [FormsService],
})
export class FormsModule {}
