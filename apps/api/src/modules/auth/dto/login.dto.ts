import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { LoginRequest } from '@jxt/contracts';

@ApiSchema({ name: 'LoginRequest' })
export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'filer' })
  @IsString()
  @IsNotEmpty({ message: '请输入用户名' })
  @MaxLength(64)
  username!: string;

  @ApiProperty({ example: 'demo' })
  @IsString()
  @IsNotEmpty({ message: '请输入密码' })
  @MaxLength(200)
  password!: string;
}
