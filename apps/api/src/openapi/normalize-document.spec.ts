import type { OpenAPIObject } from '@nestjs/swagger';
import { ANY_VALUE, normalizeDocument } from './normalize-document';

type Schema = Record<string, unknown>;

const documentWith = (schemas: Record<string, unknown>) =>
  normalizeDocument({
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {},
    components: { schemas },
  } as OpenAPIObject).components!.schemas! as Record<string, Schema>;

describe('normalizeDocument: Nest’s OpenAPI 3.0 output as OpenAPI 3.1 with closed objects', () => {
  it('says null in the type where Nest wrote nullable: strings, enums, arrays and references', () => {
    const { Form } = documentWith({
      Form: {
        type: 'object',
        properties: {
          comment: { type: 'string', nullable: true },
          band: { type: 'string', enum: ['achieved', 'missed'], nullable: true },
          longTerm: { type: 'array', nullable: true, items: { $ref: '#/components/schemas/Group' } },
          carriedFrom: { type: 'object', nullable: true, allOf: [{ $ref: '#/components/schemas/CarriedFrom' }] },
          name: { type: 'string' },
        },
        required: ['comment', 'name'],
      },
    });
    expect(Form).toEqual({
      type: 'object',
      properties: {
        comment: { type: ['string', 'null'] },
        band: { type: ['string', 'null'], enum: ['achieved', 'missed', null] },
        longTerm: { type: ['array', 'null'], items: { $ref: '#/components/schemas/Group' } },
        carriedFrom: { oneOf: [{ $ref: '#/components/schemas/CarriedFrom' }, { type: 'null' }] },
        name: { type: 'string' },
      },
      required: ['comment', 'name'],
      additionalProperties: false,
    });
  });

  it('closes every object that lists its properties, nested ones too, and keeps a declared map open', () => {
    const { Policy } = documentWith({
      Policy: {
        type: 'object',
        properties: {
          weights: { type: 'object', additionalProperties: { type: 'string' } },
          items: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' } } } },
        },
      },
    });
    const properties = Policy.properties as Record<string, { additionalProperties?: unknown; items?: Schema }>;
    expect(Policy.additionalProperties).toBe(false);
    expect(properties.weights.additionalProperties).toEqual({ type: 'string' });
    expect(properties.items.items?.additionalProperties).toBe(false);
  });

  it('leaves a described reference a reference, without the open object type Nest writes beside it', () => {
    const { Sheet } = documentWith({
      Sheet: {
        type: 'object',
        properties: { funds: { type: 'object', $ref: '#/components/schemas/Funds', description: '金额（元）' } },
      },
    });
    expect(Sheet.properties).toEqual({ funds: { $ref: '#/components/schemas/Funds', description: '金额（元）' } });
  });

  it('lets a property marked ANY_VALUE hold any JSON, and refuses a nullable without a type', () => {
    const { FieldError } = documentWith({
      FieldError: { type: 'object', properties: { value: { ...ANY_VALUE, type: 'object', description: 'sent' } } },
    });
    expect((FieldError.properties as Record<string, unknown>).value).toEqual({
      title: 'AnyValue',
      description: 'sent',
    });
    expect(() => documentWith({ Bad: { nullable: true } })).toThrow(/nullable schema without a type/);
  });
});
