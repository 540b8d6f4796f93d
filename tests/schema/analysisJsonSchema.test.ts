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
        'organisation',
        'author',
        'period',
        'kind',
        'description',
        'date',
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
        'output',
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
        'evidence',
      ]),
    );
  });

  it('describes the evidence by assumption, and a duration that may be a fraction of a year', () => {
    const schema = analysisJsonSchema() as {
      properties: {
        outcomes: {
          items: {
            properties: {
              evidence: { properties: Record<string, unknown>; additionalProperties: boolean };
              duration: { description: string; type: string[] };
            };
          };
        };
      };
    };
    const outcome = schema.properties.outcomes.items.properties;
    expect(Object.keys(outcome.evidence.properties)).toEqual([
      'quantity',
      'duration',
      'deadweight',
      'displacement',
      'attribution',
      'leakage',
      'dropOff',
    ]);
    expect(outcome.evidence.additionalProperties).toBe(false);
    expect(outcome.duration.type).toEqual(['number', 'string']);
    expect(outcome.duration.description).toContain('greater than 0 and at most 1000, e.g. 3 or 2.5');
  });
});
