import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { AccountRepository } from './account.repository';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LocalStrategy } from './local.strategy';
import { LoginAttemptRepository } from './login-attempt.repository';
import { LoginRateLimiter } from './login-rate-limiter';
import { SecuritySettingRepository } from './security-setting.repository';
import { SecuritySettingsService } from './security-settings.service';
import { SessionRepository } from './session.repository';

@Module({
  imports: [PassportModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    LocalStrategy,
    LoginRateLimiter,
    SessionRepository,
    LoginAttemptRepository,
    AccountRepository,
    SecuritySettingRepository,
    SecuritySettingsService,
  ],
  exports: [AuthService],
})
export class AuthModule {}
