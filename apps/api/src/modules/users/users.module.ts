import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({ imports: [OrganizationsModule], controllers: [UsersController], providers: [UsersService] })
export class UsersModule {}
