import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Inject } from '@nestjs/common';
import type {
  CurrentUser,
  LoginChallengeResponse,
  LoginResponse,
  SecuritySettings,
  SessionSummary,
  TotpEnrolment,
  TotpRecoveryCodes,
} from '@jxt/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AllowRestricted, Authenticated, Public, Roles } from '../../common/auth/access.decorators';
import type { AuthenticatedRequest } from '../../common/auth/session.guard';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../common/auth/session-token';
import { AuthService, type VerifiedLogin } from './auth.service';
import { ApiErrorResponses } from '../../openapi/api-error.dto';
import {
  CurrentUserDto,
  LoginChallengeResponseDto,
  LoginResponseDto,
  SessionSummaryDto,
  TotpEnrolmentDto,
  TotpRecoveryCodesDto,
} from './dto/auth.response';
import {
  ChangePasswordDto,
  DisableTotpDto,
  SecuritySettingsDto,
  TotpCodeDto,
  TotpLoginDto,
  UpdateSecuritySettingsDto,
} from './dto/account.dto';
import { LoginDto } from './dto/login.dto';
import { LocalAuthGuard } from './local-auth.guard';
import { clientInfo } from './local.strategy';
import { Audited } from '../../common/audit/audited';
import { SecuritySettingsService } from './security-settings.service';

@ApiTags('auth 登录')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly settings: SecuritySettingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Audited('login', { login: true })
  @HttpCode(200)
  @Public()
  @UseGuards(LocalAuthGuard)
  @ApiOperation({
    summary: '登录：返回 accessToken，并设置同值的 httpOnly Cookie；已启用双因素认证的用户先得到 202 与 challengeToken',
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiAcceptedResponse({ type: LoginChallengeResponseDto, description: '密码正确，尚需验证码' })
  @ApiErrorResponses(400, 401, 429)
  async login(
    @Body() _body: LoginDto,
    @Req() request: FastifyRequest & { user: VerifiedLogin },
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse | LoginChallengeResponse> {
    const outcome = await this.auth.afterPassword(request.user, clientInfo(request));
    if ('challenge' in outcome) {
      reply.status(202);
      return outcome.challenge;
    }
    return this.signedIn(outcome.session, request, reply);
  }

  @Post('login/totp')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: '登录第二步：验证码（或恢复码）正确后才建立会话' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrorResponses(400, 401, 429)
  async loginTotp(
    @Body() body: TotpLoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const session = await this.auth.verifySecondFactor(body.challengeToken, body.code, clientInfo(request));
    return this.signedIn(session, request, reply);
  }

  private signedIn(session: LoginResponse, request: FastifyRequest, reply: FastifyReply): LoginResponse {
    const secure = this.config.production || request.protocol === 'https';
    const maxAge = Math.max(1, Math.floor((Date.parse(session.expiresAt) - Date.now()) / 1000));
    reply.setCookie(SESSION_COOKIE, session.accessToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure,
      path: '/',
      maxAge,
    });
    // Readable by the SPA, which echoes it in X-CSRF-Token on writes (double submit).
    reply.setCookie(CSRF_COOKIE, session.csrfToken, { httpOnly: false, sameSite: 'strict', secure, path: '/', maxAge });
    return session;
  }

  @Post('logout')
  @Audited('logout', { target: 'session' })
  @HttpCode(204)
  @Authenticated()
  @AllowRestricted('password_change', 'totp_enrolment')
  @ApiBearerAuth()
  @ApiOperation({ summary: '退出登录：结束本会话并清除 Cookie' })
  @ApiNoContentResponse({ description: '已退出' })
  @ApiErrorResponses(401, 403)
  async logout(@Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout();
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
  }

  @Get('me')
  @Authenticated()
  @AllowRestricted('password_change', 'totp_enrolment')
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前用户：角色、租户与所属组织' })
  @ApiOkResponse({ type: CurrentUserDto })
  @ApiErrorResponses(401)
  me(@Req() request: AuthenticatedRequest): Promise<CurrentUser> {
    return this.auth.currentUser(request.user!);
  }

  @Post('password')
  @HttpCode(204)
  @Authenticated()
  @AllowRestricted('password_change')
  @ApiBearerAuth()
  @ApiOperation({ summary: '修改本人密码：本人的其他会话随即结束' })
  @ApiNoContentResponse({ description: '已修改' })
  @ApiErrorResponses(400, 401, 403, 429)
  async changePassword(@Body() body: ChangePasswordDto, @Req() request: AuthenticatedRequest): Promise<void> {
    await this.auth.changeOwnPassword(body.currentPassword, body.newPassword, clientInfo(request));
  }

  @Post('totp/setup')
  @HttpCode(200)
  @Authenticated()
  @AllowRestricted('totp_enrolment')
  @ApiBearerAuth()
  @ApiOperation({ summary: '启用双因素认证第一步：生成密钥与二维码内容（确认前不生效）' })
  @ApiOkResponse({ type: TotpEnrolmentDto })
  @ApiErrorResponses(401, 403)
  setupTotp(): Promise<TotpEnrolment> {
    return this.auth.startTotpEnrolment();
  }

  @Post('totp/confirm')
  @HttpCode(200)
  @Authenticated()
  @AllowRestricted('totp_enrolment')
  @ApiBearerAuth()
  @ApiOperation({ summary: '启用双因素认证第二步：输入验证码确认，返回一次性恢复码' })
  @ApiOkResponse({ type: TotpRecoveryCodesDto })
  @ApiErrorResponses(400, 401, 403)
  confirmTotp(@Body() body: TotpCodeDto): Promise<TotpRecoveryCodes> {
    return this.auth.confirmTotpEnrolment(body.code);
  }

  @Post('totp/disable')
  @HttpCode(204)
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: '停用双因素认证：需当前验证码或密码；管理员不能停用' })
  @ApiNoContentResponse({ description: '已停用' })
  @ApiErrorResponses(400, 401, 403, 429)
  async disableTotp(@Body() body: DisableTotpDto, @Req() request: AuthenticatedRequest): Promise<void> {
    await this.auth.disableTotp(body, clientInfo(request));
  }

  @Get('sessions')
  @Authenticated()
  @AllowRestricted('password_change', 'totp_enrolment')
  @ApiBearerAuth()
  @ApiOperation({ summary: '本人的有效会话' })
  @ApiOkResponse({ type: [SessionSummaryDto] })
  @ApiErrorResponses(401, 403)
  sessions(): Promise<SessionSummary[]> {
    return this.auth.listOwnSessions();
  }

  @Delete('sessions/:id')
  @Audited('session.revoke', { target: 'session' })
  @HttpCode(204)
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: '结束本人的某个会话' })
  @ApiNoContentResponse({ description: '已结束' })
  @ApiErrorResponses(401, 403, 404)
  async revokeSession(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    if (!(await this.auth.revokeOwnSession(id))) throw new NotFoundException('会话不存在');
  }

  @Get('security-settings')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: '安全设置：登录失败限制、会话超时、密码最短长度' })
  @ApiOkResponse({ type: SecuritySettingsDto })
  @ApiErrorResponses(401, 403)
  securitySettings(): Promise<SecuritySettings> {
    return this.settings.read();
  }

  @Put('security-settings')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: '修改安全设置（财政局管理员）' })
  @ApiOkResponse({ type: SecuritySettingsDto })
  @ApiErrorResponses(400, 401, 403)
  updateSecuritySettings(@Body() body: UpdateSecuritySettingsDto): Promise<SecuritySettings> {
    return this.settings.update(body);
  }
}
