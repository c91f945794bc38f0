import { Module } from '@nestjs/common';
import { FormHistoryRepository } from './form-history.repository';
import { FormHistoryService } from './form-history.service';

/** The forms' history (form_event); below forms and workflow, which both write it. */
@Module({ providers: [FormHistoryRepository, FormHistoryService], exports: [FormHistoryService] })
export class FormHistoryModule {}
