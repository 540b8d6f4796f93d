import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatJsonIssue } from '../../src/json/formatJsonIssue.js';
import { safeParseAnalysisJson } from '../../src/json/safeParseAnalysisJson.js';
import { SroiError } from '../../src/model/SroiError.js';
import { safeParseAnalysis } from '../../src/schema/parseAnalysis.js';

const example = join(__dirname, '..', '..', 'examples', 'befriending', 'analysis.json');

const analysisText = (outcome: string) =>
  `{\n  "name": "x",\n  "outcomes": [\n    ${outcome}\n  ]\n}`;

describe('safeParseAnalysisJson', () => {
  it('gives the analysis safeParseAnalysis gives for the same JSON', () => {
    const text = readFileSync(example, 'utf8');
    expect(safeParseAnalysisJson(text)).toEqual(safeParseAnalysis(JSON.parse(text)));
  });

  it('locates every issue in the text, with the file name', () => {
    const text = analysisText(
      '{ "stakeholder": "a", "outcome": "b", "quantity": 1, "proxy": { "value": 1 }, "duration": 1, "deadweight": 25 }',
    );
    const parsed = safeParseAnalysisJson(text, { file: 'analysis.json' });
    expect(parsed.success).toBe(false);
    // Line 4; the column is where "25" starts in it.
    const column = (text.split('\n')[3] ?? '').indexOf('25') + 1;
    expect(parsed.issues.map(formatJsonIssue)).toEqual([
      `analysis.json:4:${column}: outcomes[0].deadweight: deadweight must be a fraction from 0 to 1, got 25 (write 25% or 0.25)`,
    ]);
  });

  it('rejects a key given twice even when the analysis is otherwise valid', () => {
    const text = analysisText(
      '{ "stakeholder": "a", "outcome": "b", "quantity": 1, "quantity": 2, "proxy": { "value": 1 }, "duration": 1 }',
    );
    const parsed = safeParseAnalysisJson(text);
    expect(parsed.success).toBe(false);
    expect(parsed.issues.map((i) => [i.code, i.path])).toEqual([
      ['duplicate_id', ['outcomes', 0, 'quantity']],
    ]);
  });

  it('reads number literals exactly: a fraction with 19 digits is not rounded to a double', () => {
    const text = analysisText(
      '{ "stakeholder": "a", "outcome": "b", "quantity": 1, "proxy": { "value": 1 }, "duration": 1, "deadweight": 0.1234567890123456789 }',
    );
    const parsed = safeParseAnalysisJson(text);
    expect(parsed.success && parsed.analysis.outcomes[0]?.deadweight).toBe('0.1234567890123456789');
    // JSON.parse would have read 0.12345678901234568.
    expect(String(JSON.parse('0.1234567890123456789'))).toBe('0.12345678901234568');
  });

  it('shows a long number literal as written, never rounded, in its issue', () => {
    const text = analysisText(
      '{ "stakeholder": "a", "outcome": "b", "quantity": 12345678901234567890.12, "proxy": { "value": 1 }, "duration": 1 }',
    );
    const parsed = safeParseAnalysisJson(text);
    expect(parsed.issues.map((i) => i.message)).toEqual([
      'quantity must be a number, got "12345678901234567890.12": it is too large (sroi reads numbers below 10^15, a thousand million million)',
    ]);
  });

  it('reports a number beyond a double once, as the text problem it is', () => {
    const text = analysisText(
      '{ "stakeholder": "a", "outcome": "b", "quantity": 1e400, "proxy": { "value": 1 }, "duration": 1 }',
    );
    expect(safeParseAnalysisJson(text).issues.map((i) => i.message)).toEqual([
      'the number 1e400 is out of range: above 1.8e308, the largest a JSON number can be',
    ]);
  });

  it('gives a syntax error or nesting too deep as an issue, never a throw', () => {
    expect(safeParseAnalysisJson('{"name": }').issues.map((i) => i.location)).toEqual([
      { line: 1, column: 10 },
    ]);
    const deep = safeParseAnalysisJson(`{"name": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
    expect(deep.success).toBe(false);
    expect(deep.issues[0]?.code).toBe('out_of_range');
  });

  it('throws SroiError for an argument that is not text', () => {
    expect(() => safeParseAnalysisJson({ name: 'x' } as never)).toThrow(SroiError);
    expect(() => safeParseAnalysisJson(null as never)).toThrow(
      'safeParseAnalysisJson: text must be a string, got null',
    );
  });
});

describe('formatJsonIssue', () => {
  it('formats an issue without a location as formatIssue does', () => {
    expect(formatJsonIssue({ code: 'required', message: 'name is required', path: ['name'] })).toBe(
      'name: name is required',
    );
    expect(
      formatJsonIssue({
        code: 'required',
        message: 'm',
        path: [],
        location: { line: 2, column: 3 },
      }),
    ).toBe('2:3: (root): m');
  });
});
