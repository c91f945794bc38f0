import { type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { badRequestForFields, flattenValidationErrors } from '../../common/http/validation';
import { LoginDto } from './dto/login.dto';

/** Validates the login body first (a 400 naming the field), then lets passport-local check the password. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override canActivate(context: ExecutionContext) {
    const body: unknown = context.switchToHttp().getRequest<{ body: unknown }>().body ?? {};
    if (typeof body !== 'object' || Array.isArray(body)) throw badRequestForFields([], '请求体必须是 JSON 对象');
    const errors = validateSync(plainToInstance(LoginDto, body), { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) throw badRequestForFields(flattenValidationErrors(errors));
    return super.canActivate(context);
  }

  // Let the strategy's own exception (401 with a message, 429) through instead of a bare 401.
  override handleRequest<T>(err: unknown, user: T): T {
    if (err) throw err;
    return user;
  }
}
