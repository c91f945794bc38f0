import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { SaveScoringPolicyResponse, ScoringJob, ScoringPolicyVersion } from '@jxt/contracts';
import { Authenticated, Roles } from '../../common/auth/access.decorators';
import { idParam } from '../../common/http/id-param';
import { parseYear } from '../../common/http/year-param';
import { ApiErrorResponses } from '../../openapi/api-error.dto';
import { SaveScoringPolicyResponseDto, ScoringJobDto, ScoringPolicyVersionDto } from './dto/evaluation.response';
import { SaveScoringPolicyDto, StartScoringJobDto } from './dto/scoring-policy.dto';
import { ScoringJobsService } from './scoring-jobs.service';
import { ScoringPoliciesService } from './scoring-policies.service';
import { Audited } from '../../common/audit/audited';

@ApiTags('scoring 评分规则')
@ApiBearerAuth()
@Controller()
export class ScoringPoliciesController {
  constructor(
    private readonly policies: ScoringPoliciesService,
    private readonly jobs: ScoringJobsService,
  ) {}

  // Everyone who fills in or reviews a 自评表 may read the rules that score it.
  @Get('scoring-policies/:year')
  @Authenticated()
  @ApiOperation({ summary: '本年度现行评分规则（未保存过则为默认规则，版本 0）' })
  @ApiParam({ name: 'year', type: 'integer', example: 2021 })
  @ApiOkResponse({ type: ScoringPolicyVersionDto })
  @ApiErrorResponses(400, 401)
  current(@Param('year') year: string): Promise<ScoringPolicyVersion> {
    return this.policies.current(parseYear(year));
  }

  @Get('scoring-policies/:year/versions')
  @Authenticated()
  @ApiOperation({ summary: '评分规则各版本，及各版本所评已定稿自评表的数量' })
  @ApiParam({ name: 'year', type: 'integer', example: 2021 })
  @ApiOkResponse({ type: [ScoringPolicyVersionDto] })
  @ApiErrorResponses(400, 401)
  versions(@Param('year') year: string): Promise<ScoringPolicyVersion[]> {
    return this.policies.versions(parseYear(year));
  }

  @Put('scoring-policies/:year')
  @Audited('scoring_policy.create', { target: 'scoring_policy', detail: true })
  @Roles('admin')
  @ApiOperation({ summary: '保存评分规则的新版本，并在后台重新评分本年度未定稿的自评表' })
  @ApiParam({ name: 'year', type: 'integer', example: 2021 })
  @ApiOkResponse({ type: SaveScoringPolicyResponseDto })
  @ApiErrorResponses(400, 401, 403, 409)
  async save(@Param('year') yearParam: string, @Body() dto: SaveScoringPolicyDto): Promise<SaveScoringPolicyResponse> {
    const year = parseYear(yearParam);
    const version = await this.policies.save(year, dto.policy, dto.baseVersion);
    const job = await this.jobs.start(year, { id: version.id!, version: version.version });
    return { version, job };
  }

  @Post('scoring-jobs')
  @Audited('scoring_job.create', { target: 'scoring_job', detail: true })
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: '按现行评分规则重新评分本年度未定稿的自评表（后台任务）' })
  @ApiOkResponse({ type: ScoringJobDto })
  @ApiErrorResponses(400, 401, 403, 409)
  async rescore(@Body() dto: StartScoringJobDto): Promise<ScoringJob> {
    const policy = await this.policies.ensureStored(dto.year);
    return this.jobs.start(dto.year, policy);
  }

  @Get('scoring-jobs')
  @Authenticated()
  @ApiOperation({ summary: '本年度最近的重新评分任务，新的在前' })
  @ApiQuery({ name: 'year', required: true, type: 'integer', example: 2021 })
  @ApiOkResponse({ type: [ScoringJobDto] })
  @ApiErrorResponses(400, 401)
  latest(@Query('year') year: string): Promise<ScoringJob[]> {
    return this.jobs.latest(parseYear(year));
  }

  @Get('scoring-jobs/:id')
  @Authenticated()
  @ApiOperation({ summary: '重新评分任务的进度' })
  @ApiOkResponse({ type: ScoringJobDto })
  @ApiErrorResponses(401, 404)
  job(@Param('id', idParam()) id: string): Promise<ScoringJob> {
    return this.jobs.get(id);
  }
}
