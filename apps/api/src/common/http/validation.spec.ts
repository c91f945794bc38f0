import 'reflect-metadata';
import { Type, plainToInstance } from 'class-transformer';
import { IsNotEmpty, IsString, ValidateNested, validateSync } from 'class-validator';
import { flattenValidationErrors } from './validation';

class Child {
  @IsString() @IsNotEmpty() name!: string;
}
class Parent {
  @IsString() title!: string;
  @ValidateNested({ each: true }) @Type(() => Child) children!: Child[];
}

describe('flattenValidationErrors', () => {
  it('names each bad field by its dotted path, in Chinese, with the value sent', () => {
    const input = plainToInstance(Parent, { title: 5, children: [{ name: 'ok' }, { name: '' }] });
    const fields = flattenValidationErrors(validateSync(input));
    expect(fields).toEqual([
      { field: 'title', message: '必须是文本', value: 5 },
      { field: 'children.1.name', message: '不能为空', value: '' },
    ]);
  });
});
