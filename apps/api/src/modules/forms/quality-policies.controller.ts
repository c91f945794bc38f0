import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { QualityPolicyVersion } from '@jxt/contracts';
import { Authenticated, Roles } from '../../common/auth/access.decorators';
import { parseYear } from '../../common/http/year-param';
import { ApiErrorResponses } from '../../openapi/api-error.dto';
import { QualityPolicyVersionDto, SaveQualityPolicyDto } from './dto/quality-policy.dto';
import { QualityPoliciesService } from './quality-policies.service';

@ApiTags('forms 绩效目标表')
@ApiBearerAuth()
@Controller()
export class QualityPoliciesController {
  constructor(private readonly policies: QualityPoliciesService) {}

  // Everyone who fills in or reviews a form may read the rules it is checked by.
  @Get('quality-policies/:year')
  @Authenticated()
  @ApiOperation({ summary: '本年度现行质量检查规则（审核要点各项检查的级别；未保存过则为默认，版本 0）' })
  @ApiParam({ name: 'year', type: 'integer', example: 2021 })
  @ApiOkResponse({ type: QualityPolicyVersionDto })
  @ApiErrorResponses(400, 401)
  current(@Param('year') year: string): Promise<QualityPolicyVersion> {
    return this.policies.current(parseYear(year));
  }

  @Put('quality-policies/:year')
  // Audited as admin.write, like every admin write without its own event type.
  @Roles('admin')
  @ApiOperation({ summary: '保存质量检查规则的新版本（error 阻止提交，warning 只提示，off 不检查）' })
  @ApiParam({ name: 'year', type: 'integer', example: 2021 })
  @ApiOkResponse({ type: QualityPolicyVersionDto })
  @ApiErrorResponses(400, 401, 403, 409)
  save(@Param('year') year: string, @Body() dto: SaveQualityPolicyDto): Promise<QualityPolicyVersion> {
    return this.policies.save(parseYear(year), dto.policy, dto.baseVersion);
  }
}
