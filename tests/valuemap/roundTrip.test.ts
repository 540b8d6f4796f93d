/**
 * The round trip: an analysis → `writeValueMap` → `readWorkbook` + `readValueMap` → the same
 * figures to every digit, on every published fixture in fixtures/ and on the example, with the
 * formulas' saved results (which the reader then compares, all agreeing) and without them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateAnalysis } from '../../src/calc/evaluateAnalysis.js';
import { formatIssue } from '../../src/model/formatIssue.js';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';
import { readValueMap } from '../../src/valuemap/readValueMap.js';
import { readWorkbook } from '../../src/workbook/readWorkbook.js';
import { writeValueMap } from '../../src/workbook/writeValueMap.js';
import type { Analysis } from '../../src/model/analysis.js';
import type { SroiResult } from '../../src/model/result.js';

const root = join(__dirname, '..', '..');
const analyses = [
  'examples/befriending/analysis.json',
  ...readdirSync(join(root, 'fixtures'), { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(root, 'fixtures', e.name, 'expected.json')))
    .filter((e) => existsSync(join(root, 'fixtures', e.name, 'analysis.json')))
    .map((e) => `fixtures/${e.name}/analysis.json`),
];

function analysisOf(path: string): Analysis {
  const json = JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;
  delete json['scenarios']; // a workbook holds the analysis, not its scenarios
  delete json['uncertainty'];
  return parseAnalysis(json);
}

function readBack(bytes: Uint8Array) {
  const workbook = readWorkbook(bytes);
  if (workbook.workbook === undefined) throw new Error(JSON.stringify(workbook.issues));
  const read = readValueMap({ workbook: { workbook: workbook.workbook, issues: workbook.issues } });
  if (!read.success) throw new Error(read.issues.map(formatIssue).join('\n'));
  return read;
}

/**
 * Every figure of a result. A stakeholder is known by its name (a Value Map has no column for
 * ids), and the inputs by what they are: the sheet lists each beside its stakeholder's
 * outcomes, so their order is the sheet's.
 */
function figures(result: SroiResult) {
  const { stakeholders, outcomes, inputs, ...rest } = result;
  const input = (i: SroiResult['inputs'][number]) =>
    [i.description, i.kind, i.year, i.value, i.discountFactor, i.presentValue].join(' | ');
  return {
    ...rest,
    stakeholders: stakeholders.map((s) => [s.name, s.presentValue, s.share, s.sroiRatio]),
    outcomes: outcomes.map((o) => ({ ...o, stakeholder: '' })),
    inputs: inputs.map(input).sort(),
  };
}

describe.each(analyses)('the round trip of %s', (path) => {
  const analysis = analysisOf(path);
  const result = evaluateAnalysis(analysis);

  it('gives the same figures to every digit, and the sheet’s own figures all agree', () => {
    const read = readBack(writeValueMap(analysis, result));
    expect(figures(evaluateAnalysis(read.analysis))).toEqual(figures(result));
    expect(read.comparisons.length).toBeGreaterThan(0);
    expect(read.comparisons.filter((c) => !c.agrees)).toEqual([]);
    expect(read.analysis.notStated).toEqual(analysis.notStated);
  });

  it('gives the same figures from a workbook whose formulas hold no saved result', () => {
    const read = readBack(writeValueMap(analysis, result, { cachedValues: false }));
    expect(figures(evaluateAnalysis(read.analysis))).toEqual(figures(result));
    expect(read.comparisons).toEqual([]);
  });

  it('keeps the names, the evidence and the ids', () => {
    const read = readBack(writeValueMap(analysis, result));
    expect(read.analysis.name).toBe(analysis.name);
    expect(
      read.analysis.outcomes.map((o) => [o.id, o.outcome, o.evidence, o.proxy.source]),
    ).toEqual(analysis.outcomes.map((o) => [o.id, o.outcome, o.evidence, o.proxy.source]));
  });
});

describe('the round trip of an analysis that does not state a deduction', () => {
  it('writes no column for it, and reads it back not stated, the warning with it', () => {
    const analysis = parseAnalysis({
      name: 'Not stated',
      discount: { rate: '0' },
      notStated: ['attribution', 'dropOff'],
      inputs: [{ description: 'Grant', value: '100' }],
      outcomes: [
        { stakeholder: 'A', outcome: 'B', quantity: '2', proxy: { value: '100' }, duration: 2 },
      ],
    });
    const result = evaluateAnalysis(analysis);
    const read = readBack(writeValueMap(analysis, result));
    expect(read.analysis.notStated).toEqual(['attribution', 'dropOff']);
    const again = evaluateAnalysis(read.analysis);
    expect(again.warnings).toEqual(result.warnings);
    expect(again.sroiRatio).toBe('4'); // hand-computed: 2 × 100 in each of 2 years, over 100
  });
});
