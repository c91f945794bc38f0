import fc from 'fast-check';

type Schema = Record<string, unknown>;

/** JSON nested this deep is spliced into a body's text where the value stands (JSON.stringify would recurse). */
export class DeepNesting {
  constructor(readonly levels: number) {}
}

/** A key PostgreSQL and the validation must never see as such (`__proto__`, `constructor.prototype`). */
export class PoisonedObject {
  constructor(readonly json: string) {}
}

/** The JSON text of a generated body: DeepNesting and PoisonedObject written as raw text. */
export function toJsonText(value: unknown): string {
  const raw: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof DeepNesting) {
      raw.push('['.repeat(v.levels) + ']'.repeat(v.levels));
      return `\u0001RAW${raw.length - 1}\u0001`;
    }
    if (v instanceof PoisonedObject) {
      raw.push(v.json);
      return `\u0001RAW${raw.length - 1}\u0001`;
    }
    return v;
  });
  return text === undefined ? 'null' : text.replace(/"\\u0001RAW(\d+)\\u0001"/g, (_, i: string) => raw[Number(i)]);
}

/** Text that is odd for a person or for PostgreSQL: NUL bytes, lone surrogates, emoji, RTL marks, long runs. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`),
  fc.constantFrom('\uD800', 'a\uDC00b', '\u202Etxt.exe', '😀'.repeat(50), ' ', '', '\t\n', '0', '-1', '1e18', 'null'),
  fc.constantFrom('x'.repeat(301), '长'.repeat(4001), 'y'.repeat(20_001), 'z'.repeat(200_000)),
);

/** A value of the wrong kind, or the right kind beyond every bound. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileText },
  {
    weight: 3,
    arbitrary: fc.constantFrom(null, [], [[]], {}, [{}], [null], true, false, 0, -1, 1.5, -0.5),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53 + 2, 1e18, 1e308, -1e308, 5e-324),
  },
  { weight: 1, arbitrary: fc.integer({ min: 33, max: 3_000 }).map((levels) => new DeepNesting(levels)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      new PoisonedObject('{"__proto__":{"admin":true}}'),
      new PoisonedObject('{"constructor":{"prototype":{"admin":true}}}'),
    ),
  },
  { weight: 1, arbitrary: fc.array(hostileText, { maxLength: 3 }) },
);

/** Where generated values may come from besides the schema: the real ids of the test's data. */
export interface Pools {
  uuids: readonly string[];
}

const MAX_ARRAY = 3;

/**
 * Values for a schema of the OpenAPI document: mostly of the documented shape (types, enums, bounds, formats), at
 * every level sometimes replaced by a hostile value, a required field left out, or an unknown one added.
 */
export function fromSchema(
  schema: Schema,
  components: Record<string, Schema>,
  pools: Pools,
  depth = 0,
): fc.Arbitrary<unknown> {
  const documented = shaped(schema, components, pools, depth);
  return fc.oneof({ weight: 8, arbitrary: documented }, { weight: 1, arbitrary: hostileValue });
}

function shaped(
  schema: Schema,
  components: Record<string, Schema>,
  pools: Pools,
  depth: number,
): fc.Arbitrary<unknown> {
  const ref = schema.$ref as string | undefined;
  if (ref) return shaped(components[ref.split('/').pop()!], components, pools, depth);
  const branches = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
  if (branches) return fc.oneof(...branches.map((b) => shaped(b, components, pools, depth)));
  if (Array.isArray(schema.allOf) && schema.allOf.length === 1)
    return shaped(schema.allOf[0] as Schema, components, pools, depth);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string | undefined];
  return fc.oneof(...types.map((type) => ofType(type, schema, components, pools, depth)));
}

function ofType(
  type: string | undefined,
  schema: Schema,
  components: Record<string, Schema>,
  pools: Pools,
  depth: number,
): fc.Arbitrary<unknown> {
  const next = (s: Schema) => (depth > 8 ? hostileValue : fromSchema(s, components, pools, depth + 1));
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : -10;
      const max = typeof schema.maximum === 'number' ? schema.maximum : min + 10_000;
      return fc.oneof(
        fc.integer({ min, max: Math.min(max, min + 1_000_000) }),
        fc.constantFrom(min, max, min - 1, max + 1),
      );
    }
    case 'string':
      return text(schema, pools);
    case 'array':
      return fc.array(next((schema.items as Schema) ?? {}), {
        maxLength: Math.min(MAX_ARRAY, typeof schema.maxItems === 'number' ? schema.maxItems + 1 : MAX_ARRAY),
      });
    case 'object':
    case undefined: {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const required = new Set((schema.required as string[] | undefined) ?? []);
      const keys = Object.keys(properties);
      if (!keys.length) {
        const values = typeof schema.additionalProperties === 'object' ? (schema.additionalProperties as Schema) : {};
        return fc.dictionary(fc.oneof(fc.constantFrom('output', 'benefit'), hostileText), next(values), {
          maxKeys: 3,
        });
      }
      return fc
        .tuple(
          fc.record(Object.fromEntries(keys.map((k) => [k, next(properties[k])])), {
            requiredKeys: keys.filter((k) => required.has(k)),
          }),
          // Now and then a required field left out, or a field nobody documented.
          fc.option(fc.constantFrom(...keys), { freq: 10 }),
          fc.option(fc.tuple(hostileText, hostileValue), { freq: 10 }),
        )
        .map(([record, dropped, extra]) => {
          const value: Record<string, unknown> = { ...(record as Record<string, unknown>) };
          if (dropped !== null) delete value[dropped];
          if (extra !== null) value[extra[0]] = extra[1];
          return value;
        });
    }
    default:
      return hostileValue;
  }
}

function text(schema: Schema, pools: Pools): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.oneof(fc.constantFrom(...pools.uuids), fc.uuid());
    case 'date':
      return fc.oneof(
        fc
          .date({ min: new Date('1999-01-01'), max: new Date('2101-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        fc.constantFrom('2021-02-30', '2021-13-01', '15/03/2021', '2021-3-1'),
      );
  }
  const example = typeof schema.example === 'string' ? [schema.example] : [];
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : 60;
  return fc.oneof(
    ...(example.length ? [fc.constantFrom(...example)] : []),
    fc.string({ maxLength: Math.min(maxLength, 60) }),
    fc.stringMatching(/^[a-z0-9_]{1,12}$/),
    fc.constantFrom('0.5', '1', '100.00', '1,234.50', '021-57820101', '13800138000', '张三'),
  );
}

/** Every path into `value` that leads to a leaf or a container, as keys. */
export function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const here = prefix.length ? [prefix] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (typeof value === 'object' && value !== null)
    return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  return here;
}

/** A valid body with one place changed: a value replaced by a hostile one, or removed. */
export function mutateOne(example: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(example);
  if (!paths.length) return fc.constant(example);
  return fc.tuple(fc.constantFrom(...paths), fc.option(hostileValue, { freq: 6 })).map(([path, replacement]) => {
    const copy = structuredClone(example) as Record<string | number, unknown>;
    let parent = copy;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const last = path[path.length - 1];
    if (replacement === null) {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else parent[last] = replacement;
    return copy;
  });
}
