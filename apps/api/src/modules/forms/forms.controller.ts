import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { GoalForm } from '@jxt/contracts';
import { Authenticated, Roles } from '../../common/auth/access.decorators';
import { idParam } from '../../common/http/id-param';
import { SaveFormDto } from './dto/save-form.dto';
import { FormsService } from './forms.service';

@ApiTags('forms 绩效目标表')
@ApiBearerAuth()
@Controller('forms')
export class FormsController {
  constructor(private readonly forms: FormsService) {}

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: '读取整张绩效目标填报表（含 rowVersion、每个指标的原文与解析结果）' })
  get(@Param('id', idParam()) id: string): Promise<GoalForm> {
    return this.forms.get(id);
  }

  @Put(':id')
  @Roles('filer')
  @ApiOperation({ summary: '保存整张表（一个事务）；rowVersion 过期返回 409' })
  save(@Param('id', idParam()) id: string, @Body() dto: SaveFormDto): Promise<GoalForm> {
    return this.forms.save(id, dto);
  }
}
