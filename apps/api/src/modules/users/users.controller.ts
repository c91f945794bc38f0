import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { CreatedUser, ResetPasswordResponse, User } from '@jxt/contracts';
import { Roles } from '../../common/auth/access.decorators';
import { idParam } from '../../common/http/id-param';
import { ApiErrorResponses } from '../../openapi/api-error.dto';
import { CreatedUserDto, CreateUserDto, ResetPasswordResponseDto, UpdateUserDto, UserDto } from './dto/user.dto';
import { UsersService } from './users.service';
import { Audited } from '../../common/audit/audited';

@ApiTags('users 用户')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: '本人可见范围内的用户' })
  @ApiOkResponse({ type: [UserDto] })
  @ApiErrorResponses(401, 403)
  list(): Promise<User[]> {
    return this.users.list();
  }

  @Post()
  @Audited('user.create', { target: 'user', detail: true })
  @Roles('admin')
  @ApiOperation({ summary: '新增用户（不填密码则生成初始密码，只显示一次；首次登录须修改）' })
  @ApiCreatedResponse({ type: CreatedUserDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  create(@Body() dto: CreateUserDto): Promise<CreatedUser> {
    return this.users.create(dto);
  }

  @Patch(':id')
  @Audited('user.update', { target: 'user', detail: true })
  @Roles('admin')
  @ApiOperation({ summary: '修改用户（停用、改角色、重置密码……）' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  update(@Param('id', idParam()) id: string, @Body() dto: UpdateUserDto): Promise<User> {
    return this.users.update(id, dto);
  }

  @Post(':id/reset-password')
  @Audited('user.reset_password', { target: 'user' })
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: '重置密码：生成新密码（只显示一次），结束该用户的全部会话，下次登录须修改' })
  @ApiOkResponse({ type: ResetPasswordResponseDto })
  @ApiErrorResponses(401, 403, 404)
  resetPassword(@Param('id', idParam()) id: string): Promise<ResetPasswordResponse> {
    return this.users.resetPassword(id);
  }

  @Post(':id/revoke-sessions')
  @Audited('user.revoke_sessions', { target: 'user' })
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: '结束该用户的全部会话（强制下线）' })
  @ApiNoContentResponse({ description: '已结束' })
  @ApiErrorResponses(401, 403, 404)
  async revokeSessions(@Param('id', idParam()) id: string): Promise<void> {
    await this.users.revokeSessions(id);
  }
}
