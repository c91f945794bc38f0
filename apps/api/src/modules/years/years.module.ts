import { Module } from '@nestjs/common';
import { YearsController } from './years.controller';
import { YearRepository } from './year.repository';
import { YearsService } from './years.service';

/** 年度: which years have data, for the year selectors of the lists and the 评分规则 page. */
@Module({ controllers: [YearsController], providers: [YearsService, YearRepository] })
export class YearsModule {}
