import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysisJsonSchema } from '../../src/schema/analysisJsonSchema.js';

describe('analysisJsonSchema', () => {
  it('is what schema/analysis.schema.json holds (run npm run schema after changing the schema)', () => {
    const file = readFileSync(
      join(__dirname, '..', '..', 'schema', 'analysis.schema.json'),
      'utf8',
    );
    expect(JSON.parse(file)).toEqual(analysisJsonSchema());
  });

  it('describes every field of docs/model.md and forbids unknown ones', () => {
    const schema = analysisJsonSchema() as {
      properties: Record<
        string,
        { items?: { properties?: Record<string, unknown>; additionalProperties?: boolean } }
      >;
      additionalProperties: boolean;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        'name',
        'currency',
        'priceYear',
        'discount',
        'horizon',
        'stakeholders',
        'inputs',
        'outcomes',
      ]),
    );
    const outcome = schema.properties['outcomes']?.items;
    expect(outcome?.additionalProperties).toBe(false);
    expect(Object.keys(outcome?.properties ?? {})).toEqual(
      expect.arrayContaining([
        'stakeholder',
        'outcome',
        'quantity',
        'proxy',
        'duration',
        'start',
        'deadweight',
        'displacement',
        'attribution',
        'leakage',
        'dropOff',
        'quantityByYear',
      ]),
    );
  });
});
