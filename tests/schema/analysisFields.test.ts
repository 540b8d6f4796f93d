/**
 * The field table is the one statement of each field's rule: the readers are generated from it
 * (and the generated file is current), the zod schema — and so the JSON Schema — is built from
 * it, and the CSV columns are taken from it. A field added to a copy of the table is checked on
 * every path: JSON, CSV and the JSON Schema.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { format, resolveConfig } from 'prettier';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { tableColumns } from '../../src/csv/csvColumns.js';
import { readCsvAnalysisWith } from '../../src/csv/readCsvAnalysis.js';
import { analysisReaders } from '../../src/schema/_analysisReaders.js';
import { fractionKind } from '../../src/schema/_fields.js';
import { column, list, record, scalar } from '../../src/schema/_fieldSpec.js';
import { generateReaders, readersModule } from '../../src/schema/_generateReaders.js';
import { readerRuntime } from '../../src/schema/_readerRuntime.js';
import { analysisFields } from '../../src/schema/analysisFields.js';
import { inputInputSchema, outcomeInputSchema, zodRecord } from '../../src/schema/analysisSchema.js';
import { safeParseAnalysisWith } from '../../src/schema/parseAnalysis.js';
import { formatIssue } from '../../src/model/formatIssue.js';
import type { AnalysisFields } from '../../src/schema/analysisFields.js';
import type { AnalysisReaders, ReadPath } from '../../src/schema/_readerRuntime.js';
import type { Issue } from '../../src/model/SroiError.js';

/** The readers of a field table, generated from it and run, as the production readers are. */
function readersOf(table: AnalysisFields): AnalysisReaders {
  const js = ts.transpileModule(generateReaders(table), {
    compilerOptions: { target: ts.ScriptTarget.ES2022 },
  }).outputText;
  return new Function('t', 'rt', `${js}\nreturn makeReaders(t, rt);`)(
    table,
    readerRuntime,
  ) as AnalysisReaders;
}

describe('the field table', () => {
  it('is what src/schema/_analysisReaders.ts was generated from (run npm run readers after changing it)', async () => {
    const file = join(__dirname, '..', '..', 'src', 'schema', '_analysisReaders.ts');
    const options = (await resolveConfig(file)) ?? {};
    const expected = await format(readersModule(analysisFields), { ...options, filepath: file });
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });

  describe('a field added to a copy of it', () => {
    // The copy: every outcome also has `confidence`, a fraction, with its own CSV column.
    const outcomes = analysisFields.fields.outcomes;
    const outcome = record(
      {
        ...outcomes.item.fields,
        confidence: scalar(fractionKind, {
          description: 'How sure the analyst is',
          default: '1',
          column: column('confidence', 'certainty'),
        }),
      },
      { required: true, description: 'An outcome', rules: outcomes.item.rules },
    );
    const copy = record(
      {
        ...analysisFields.fields,
        outcomes: list(outcome, {
          required: true,
          description: outcomes.description,
          ...(outcomes.min === undefined ? {} : { min: outcomes.min }),
        }),
      },
      { required: true, description: analysisFields.description },
    ) as unknown as AnalysisFields;
    const readers = readersOf(copy);
    const row = { stakeholder: 'A', outcome: 'B', quantity: '1', proxy: { value: '1' }, duration: 1 };

    it('is read from JSON, with its default, and refused with its rule and path', () => {
      const good = safeParseAnalysisWith(readers, { name: 'x', outcomes: [row] }, {});
      expect(good.success && good.analysis.outcomes[0]).toMatchObject({ confidence: '1' });
      const bad = safeParseAnalysisWith(
        readers,
        { name: 'x', outcomes: [{ ...row, confidence: 25 }] },
        {},
      );
      expect(bad.issues.map((i) => `${i.code} ${i.path.join('.')}: ${i.message}`)).toEqual([
        'out_of_range outcomes.0.confidence: confidence must be a fraction from 0 to 1, got 25 (write 25% or 0.25)',
      ]);
    });

    it('is read from its CSV column, by its alias too, and refused at its cell', () => {
      const table = {
        readers,
        outcomes: tableColumns(copy.fields.outcomes.item),
        inputs: tableColumns(copy.fields.inputs.item),
      };
      const read = readCsvAnalysisWith(
        table,
        {
          outcomes: {
            file: 'o.csv',
            text: 'stakeholder,outcome,quantity,proxy_value,duration,Certainty\nA,B,1,1,1,80%\nA,C,1,1,1,80\n',
          },
          settings: { name: 'x' },
        },
        {},
      );
      expect(read.issues.map(formatIssue)).toEqual([
        'o.csv:3 [Certainty]: confidence must be a fraction from 0 to 1, got "80" (write 80% or 0.8)',
      ]);
    });

    it('is described in the JSON Schema', () => {
      const schema = z.toJSONSchema(zodRecord(copy), { io: "input" }) as unknown as {
        properties: { outcomes: { items: { properties: Record<string, { description?: string }> } } };
      };
      expect(schema.properties.outcomes.items.properties['confidence']?.description).toBe(
        'How sure the analyst is: a fraction from 0 to 1, written 0.25 or "25%"',
      );
    });
  });
});

/** Values an outcome's or an input's field may receive: valid ones, and every kind of wrong one. */
const anyValue = fc.oneof(
  fc.constantFrom('0', '1', '0.25', '25%', '120%', '25', '-5', '£1,200', '(1,200)', '#DIV/0!'),
  fc.constantFrom('', ' ', 'abc', '1,2', '3.0', '2.5', '2023-24', '2023', '1e3', ' padded '),
  fc.integer({ min: -5, max: 2000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(null, true, [], {}, [1, '2'], { value: 1 }, { value: '£5', source: 3 }),
);
/** Mostly a valid value of one sort, sometimes anything. */
const mostly = (valid: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: anyValue });
const text = mostly(fc.constantFrom('Residents', ' padded ', 'Outcome'));
const number = mostly(fc.constantFrom('1', '2.5', 3, '£1,200', '40'));
const fraction = mostly(fc.constantFrom('0', '0.25', '25%', 0.5));
const outcomeArb = fc.record(
  {
    id: text,
    stakeholder: text,
    outcome: text,
    output: text,
    quantity: number,
    proxy: mostly(fc.record({ value: number, priceYear: mostly(fc.constantFrom(2023, '2023-24')) }, { requiredKeys: ['value'] })),
    duration: mostly(fc.constantFrom(1, '2.5', 0.5, '3')),
    start: mostly(fc.constantFrom(1, '2')),
    deadweight: fraction,
    dropOff: fraction,
    quantityByYear: mostly(fc.array(number, { maxLength: 3 })),
    evidence: mostly(fc.record({ deadweight: text }, { requiredKeys: [] })),
    deadwieght: fc.constant('5%'),
  },
  { requiredKeys: ['stakeholder', 'outcome', 'proxy', 'duration'] },
);
const inputArb = fc.record(
  { description: text, value: number, year: mostly(fc.constantFrom(0, '1')), kind: text },
  { requiredKeys: ['description', 'value'] },
);

/** Drops keys whose value is undefined, so that "absent" and "undefined" compare equal. */
const defined = (value: unknown): unknown =>
  value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);

function readBy(read: AnalysisReaders['outcome'], raw: unknown): { value: unknown; issues: Issue[] } {
  const issues: Issue[] = [];
  const path: ReadPath = ['outcomes', 0];
  const value = read(raw, path, (issue) => issues.push(issue));
  return { value, issues };
}

describe('the zod schema built from the table', () => {
  it.each([
    ['an outcome', outcomeArb, analysisReaders.outcome, outcomeInputSchema],
    ['an input', inputArb, analysisReaders.input, inputInputSchema],
  ] as const)(
    'accepts exactly what the reader accepts in %s, and reads it to the same values',
    (_name, arb, read, schema) => {
      let accepted = 0;
      fc.assert(
        fc.property(arb, (raw) => {
          const reader = readBy(read, raw);
          const parsed = (schema as z.ZodType).safeParse(raw);
          expect(parsed.success).toBe(reader.issues.length === 0);
          if (!parsed.success) return;
          accepted += 1;
          expect(defined(parsed.data)).toEqual(defined(reader.value));
        }),
        { numRuns: 3000 },
      );
      // The property is not vacuous: a fair share of the generated values are valid.
      expect(accepted).toBeGreaterThan(50);
    },
  );
});
