import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { User } from '@jxt/contracts';
import { Roles } from '../../common/auth/access.decorators';
import { idParam } from '../../common/http/id-param';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users 用户')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('admin')
  list(): Promise<User[]> {
    return this.users.list();
  }

  @Post()
  @Roles('admin')
  create(@Body() dto: CreateUserDto): Promise<User> {
    return this.users.create(dto);
  }

  @Patch(':id')
  @Roles('admin')
  update(@Param('id', idParam()) id: string, @Body() dto: UpdateUserDto): Promise<User> {
    return this.users.update(id, dto);
  }

  @Post(':id/revoke-sessions')
  @Roles('admin')
  async revokeSessions(@Param('id', idParam()) id: string): Promise<{ revoked: number }> {
    return { revoked: await this.users.revokeSessions(id) };
  }
}
