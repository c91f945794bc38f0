import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LocalStrategy } from './local.strategy';
import { LoginAttemptRepository } from './login-attempt.repository';
import { LoginRateLimiter } from './login-rate-limiter';
import { SessionRepository } from './session.repository';

@Module({
  imports: [PassportModule],
  controllers: [AuthController],
  providers: [AuthService, LocalStrategy, LoginRateLimiter, SessionRepository, LoginAttemptRepository],
  exports: [AuthService],
})
export class AuthModule {}
