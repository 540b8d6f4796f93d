/**
 * `notStated`: the assumptions an analysis states no value for (its table had no column for
 * them), read from JSON by the field table, warned of by the engine, carried and stated by
 * scenarios, and kept through the JSON export. The CSV and Value Map readers that set it are
 * tested with their readers (tests/csv/readCsvAnalysis.test.ts, tests/workbook/readValueMap.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { evaluateAnalysis } from '../../src/calc/evaluateAnalysis.js';
import { applyScenario } from '../../src/sensitivity/applyScenario.js';
import { parseAnalysis, safeParseAnalysis } from '../../src/schema/parseAnalysis.js';

const outcome = (id: string, more: Record<string, unknown> = {}) => ({
  id,
  stakeholder: 'Residents',
  outcome: `Outcome ${id}`,
  quantity: '10',
  proxy: { value: '100' },
  duration: 2,
  ...more,
});

const analysis = (more: Record<string, unknown> = {}) =>
  parseAnalysis({
    name: 'Not stated',
    discount: { rate: '0' },
    inputs: [{ description: 'Grant', value: '1000' }],
    outcomes: [outcome('a'), outcome('b', { deadweight: '10%' })],
    ...more,
  });

describe('notStated', () => {
  it('is read from JSON in the order of the method, each assumption once', () => {
    const read = analysis({ notStated: ['dropOff', 'attribution', 'dropOff', 'deadweight'] });
    expect(read.notStated).toEqual(['deadweight', 'attribution', 'dropOff']);
  });

  it('is absent when nothing is listed', () => {
    expect('notStated' in analysis({ notStated: [] })).toBe(false);
    expect('notStated' in analysis()).toBe(false);
  });

  it('takes only the deductions of the Value Map and drop-off', () => {
    const read = safeParseAnalysis({
      name: 'x',
      notStated: ['leakage'],
      outcomes: [outcome('a')],
    });
    expect(read.issues.map((i) => [i.path, i.message])).toEqual([
      [
        ['notStated', 0],
        'notStated[] must be one of "deadweight", "displacement", "attribution", "dropOff", got "leakage"',
      ],
    ]);
  });

  it('makes the result warn of each assumption, naming it', () => {
    const result = evaluateAnalysis(analysis({ notStated: ['attribution', 'dropOff'] }));
    expect(result.warnings).toEqual([
      {
        code: 'ASSUMPTION_NOT_STATED',
        message:
          'no attribution stated (no column, or a column blank in every row): attribution is 0 for every outcome; fill in the column, with 0% where that is meant, to state it',
      },
      {
        code: 'ASSUMPTION_NOT_STATED',
        message:
          'no drop-off stated (no column, or a column blank in every row): drop-off is 0 for every outcome; fill in the column, with 0% where that is meant, to state it',
      },
    ]);
    // no figure changes: hand-computed 10 × 100 × 2 years + 10 × 100 × 0.9 × 2 years = 3800
    expect(result.totalPresentValue).toBe('3800');
  });

  it('survives the JSON export and reading it back', () => {
    const first = analysis({ notStated: ['displacement'] });
    const again = parseAnalysis(JSON.parse(JSON.stringify(first)));
    expect(again.notStated).toEqual(['displacement']);
    expect(evaluateAnalysis(again).warnings.map((w) => w.code)).toEqual(['ASSUMPTION_NOT_STATED']);
  });
});

describe('applyScenario and notStated', () => {
  const base = analysis({ notStated: ['displacement', 'attribution'] });

  it('keeps what the scenario does not set', () => {
    expect(applyScenario(base, { outcomes: { a: { quantity: '5' } } }).notStated).toEqual([
      'displacement',
      'attribution',
    ]);
  });

  it('takes an assumption the scenario sets for every outcome as stated, even to 0', () => {
    const changed = applyScenario(base, { outcomes: { '*': { attribution: '0' } } });
    expect(changed.notStated).toEqual(['displacement']);
    const both = applyScenario(base, {
      outcomes: { a: { displacement: '0.05', attribution: '0' }, b: { displacement: '0' } },
    });
    expect(both.notStated).toEqual(['attribution']);
  });

  it('leaves the field out when the scenario states every one', () => {
    const changed = applyScenario(base, {
      outcomes: { '*': { displacement: '0', attribution: '0' } },
    });
    expect('notStated' in changed).toBe(false);
    expect(evaluateAnalysis(changed).warnings).toEqual([]);
  });

  it('counts only the outcomes the scenario keeps', () => {
    const changed = applyScenario(base, {
      outcomes: { a: { exclude: true }, b: { displacement: '0', attribution: '0' } },
    });
    expect('notStated' in changed).toBe(false);
  });

  it('names the outcomes still at 0 when the scenario sets the assumption for some', () => {
    const changed = applyScenario(analysis({ notStated: ['attribution'] }), {
      outcomes: { b: { attribution: '0.2' } },
    });
    expect(changed.notStated).toEqual(['attribution']);
    expect(evaluateAnalysis(changed).warnings.map((w) => w.message)).toEqual([
      'no attribution stated (no column, or a column blank in every row): attribution is 0 for 1 of 2 outcomes ("a"); fill in the column, with 0% where that is meant, to state it',
    ]);
  });
});
