import { NotFoundException, ParseUUIDPipe } from '@nestjs/common';

/** A path id that is not a UUID names no record: 404, like an id of another unit. */
export const idParam = () =>
  new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('记录不存在或无权访问') });
