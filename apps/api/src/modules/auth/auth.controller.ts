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
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Inject } from '@nestjs/common';
import type { CurrentUser, LoginResponse, SessionSummary } from '@jxt/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Authenticated, Public } from '../../common/auth/access.decorators';
import type { AuthenticatedRequest } from '../../common/auth/session.guard';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../common/auth/session-token';
import { AuthService, type VerifiedLogin } from './auth.service';
import { ApiErrorResponses } from '../../openapi/api-error.dto';
import { CurrentUserDto, LoginResponseDto, SessionSummaryDto } from './dto/auth.response';
import { LoginDto } from './dto/login.dto';
import { LocalAuthGuard } from './local-auth.guard';
import { clientInfo } from './local.strategy';
import { Audited } from '../../common/audit/audited';

@ApiTags('auth 登录')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Audited('login', { login: true })
  @HttpCode(200)
  @Public()
  @UseGuards(LocalAuthGuard)
  @ApiOperation({ summary: '登录：返回 accessToken，并设置同值的 httpOnly Cookie' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrorResponses(400, 401, 429)
  async login(
    @Body() _body: LoginDto,
    @Req() request: FastifyRequest & { user: VerifiedLogin },
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const session = await this.auth.openSession(request.user, clientInfo(request));
    const secure = this.config.production || request.protocol === 'https';
    const maxAge = this.config.sessionTtlHours * 3600;
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
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前用户：角色、租户与所属组织' })
  @ApiOkResponse({ type: CurrentUserDto })
  @ApiErrorResponses(401)
  me(@Req() request: AuthenticatedRequest): Promise<CurrentUser> {
    return this.auth.currentUser(request.user!);
  }

  @Get('sessions')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: '本人的有效会话' })
  @ApiOkResponse({ type: [SessionSummaryDto] })
  @ApiErrorResponses(401)
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
}
