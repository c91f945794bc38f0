import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'ImportLimits', description: '导入与批量导入的上传限制（设置 IMPORT_MAX_MB）' })
export class ImportLimitsDto {
  @ApiProperty({ type: 'integer', description: '单个 .xlsx 文件的最大字节数；超过为 413', example: 10485760 })
  maxBytes!: number;
}
