import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RevokedSessions, User } from '@jxt/contracts';
import { Roles } from '../../common/auth/access.decorators';
import { idParam } from '../../common/http/id-param';
import { ApiErrorResponses } from '../../openapi/api-error.dto';
import { CreateUserDto, RevokedSessionsDto, UpdateUserDto, UserDto } from './dto/user.dto';
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
  @ApiOperation({ summary: '新增用户' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  create(@Body() dto: CreateUserDto): Promise<User> {
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

  @Post(':id/revoke-sessions')
  @Audited('user.revoke_sessions', { target: 'user' })
  @Roles('admin')
  @ApiOperation({ summary: '结束该用户的全部会话' })
  @ApiCreatedResponse({ type: RevokedSessionsDto })
  @ApiErrorResponses(401, 403, 404)
  async revokeSessions(@Param('id', idParam()) id: string): Promise<RevokedSessions> {
    return { revoked: await this.users.revokeSessions(id) };
  }
}
