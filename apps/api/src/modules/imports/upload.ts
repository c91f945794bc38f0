import { PayloadTooLargeException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { badRequestForFields } from '../../common/http/validation';

/** The 413 of a file over the limit, naming it (`maxBytes` is whole MB: the setting IMPORT_MAX_MB). */
export const tooLarge = (maxBytes: number) =>
  new PayloadTooLargeException(`文件超过 ${maxBytes / 1024 / 1024} MB，未读取：请拆分工作簿后分次导入`);

/**
 * The bytes of the multipart field `file` (@fastify/multipart, ADR 0027), bounded at `maxBytes` (IMPORT_MAX_MB; 413
 * above it, the rest of the upload never buffered). No multipart body, no such field, an empty file or a broken body is a
 * 400 naming `file`; only one file is taken.
 */
export async function readUploadedFile(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  const missing = (message: string) => badRequestForFields([{ field: 'file', message }]);
  if (!request.isMultipart()) throw missing('请以 multipart/form-data 上传 .xlsx 文件，字段名为 file');
  let bytes: Buffer | undefined;
  let other: string | undefined;
  try {
    const part = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 20, parts: 21 } });
    if (part?.fieldname === 'file') bytes = await part.toBuffer();
    else if (part) {
      other = part.fieldname;
      part.file.resume();
    }
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 413) throw tooLarge(maxBytes);
    throw missing('上传内容不完整或格式不对，请重新选择文件上传');
  }
  if (other !== undefined) throw missing(`文件应放在字段 file 中（收到的是 ${other.slice(0, 40)}）`);
  if (!bytes?.length) throw missing('请上传 .xlsx 文件（Excel 工作簿）');
  return bytes;
}
