import { Module } from '@nestjs/common';
import { YearsController } from './years.controller';
import { YearRepository } from './year.repository';
import { YearsService } from './years.service';

/** 年度: the tenant's open and closed years (开启新年度, 关闭年度) and which years have data, for the year selectors. */
@Module({ controllers: [YearsController], providers: [YearsService, YearRepository] })
export class YearsModule {}
