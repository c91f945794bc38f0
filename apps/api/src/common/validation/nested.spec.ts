import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { IsArray, IsString, ValidateNested, validateSync } from 'class-validator';
import { Type } from 'class-transformer';
import { flattenValidationErrors } from '../http/validation';
import { EachIsObject, NestedObject } from './nested';

class Item {
  @IsString() name!: string;
}
class Body {
  @IsArray() @EachIsObject() @ValidateNested({ each: true }) @Type(() => Item) items!: Item[];
  @NestedObject(() => Item, '缺少 item') item!: Item;
}

const problems = (plain: object) => flattenValidationErrors(validateSync(plainToInstance(Body, plain)));
const fine = { items: [{ name: 'a' }], item: { name: 'b' } };

describe('EachIsObject and NestedObject: a list or null is not an object', () => {
  it('takes objects', () => {
    expect(problems(fine)).toEqual([]);
  });

  it('names the first item of a list that is a list, text or null (ValidateNested alone lets [[]] through)', () => {
    for (const items of [[[]], [{ name: 'a' }, null], ['x']]) {
      const [first] = problems({ ...fine, items });
      expect(first.field).toBe('items');
      expect(first.message).toMatch(/^第 \d 项（items\.\d）必须是对象/);
    }
  });

  it('refuses a missing, null or list object, naming the field', () => {
    expect(problems({ items: [] })).toEqual([
      expect.objectContaining({ field: 'item', message: expect.stringContaining('缺少 item') }),
    ]);
    for (const item of [null, [], [{ name: 'b' }], 'b'])
      expect(problems({ items: [], item }).map((f) => f.field)).toEqual(['item']);
  });
});
