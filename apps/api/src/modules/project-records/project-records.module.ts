import { Module } from '@nestjs/common';
import { ProjectRepository } from './project.repository';
import { ProjectRecordsService } from './project-records.service';

/** The project table (identity and owning unit); below forms and projects. */
@Module({ providers: [ProjectRepository, ProjectRecordsService], exports: [ProjectRecordsService] })
export class ProjectRecordsModule {}
