/**
 * The library's formatting helpers given wrong arguments: each throws `SroiError` with code
 * `INVALID_ARGUMENT` and a message naming the function and the rule — never a TypeError from
 * inside, never a "NaN" or "Infinity" in what it returns.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsv, neutraliseCsvCell } from '../src/csv/formatCsv.js';
import { safeParseAnalysisJson } from '../src/json/safeParseAnalysisJson.js';
import { SroiError } from '../src/model/SroiError.js';
import { escapeHtml } from '../src/report/escapeHtml.js';
import { escapeMarkdown } from '../src/report/escapeMarkdown.js';
import { formatMoney, formatNumber, formatPercent, round } from '../src/report/round.js';
import { renderText } from '../src/report/renderText.js';

function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('formatCsv and neutraliseCsvCell', () => {
  it.each([
    [
      () => formatCsv([['a', Number.NaN]]),
      'formatCsv: rows[0][1] must be text, a finite number or empty, got NaN',
    ],
    [
      () => formatCsv([[Infinity]]),
      'formatCsv: rows[0][0] must be text, a finite number or empty, got Infinity',
    ],
    [
      () => formatCsv([[{}]] as never),
      'formatCsv: rows[0][0] must be text, a finite number or empty, got an object',
    ],
    [() => formatCsv(['a,b'] as never), 'formatCsv: rows[0] must be a list of cells, got a string'],
    [() => formatCsv('a,b' as never), 'formatCsv: rows must be a list of rows, got a string'],
    [() => formatCsv(null as never), 'formatCsv: rows must be a list of rows, got null'],
    [
      () => formatCsv([['a']], { delimiter: '|' as never }),
      'formatCsv: delimiter must be ",", ";" or a tab, got a string',
    ],
    [
      () => formatCsv([['a']], { newline: '\r' as never }),
      'formatCsv: newline must be "\\r\\n" or "\\n", got a string',
    ],
    [() => neutraliseCsvCell(5 as never), 'neutraliseCsvCell: cell must be a string, got 5'],
    [
      () => neutraliseCsvCell(undefined as never),
      'neutraliseCsvCell: cell must be a string, got undefined',
    ],
  ])('throws SroiError for a wrong argument (%#)', (call, message) => {
    const error = thrown(call);
    expect(error).toBeInstanceOf(SroiError);
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', message });
  });

  it('still writes what it wrote: empty cells for null and undefined, numbers as they are', () => {
    expect(formatCsv([['a', null, undefined, -1.5, 0]])).toBe('a,,,-1.5,0\r\n');
  });
});

describe('every formatting helper, on any argument', () => {
  // The helpers that write figures; the others pass text through, "NaN" included.
  const figures = new Set(['round', 'formatNumber', 'formatPercent', 'formatMoney', 'formatCsv']);
  const helpers: readonly [string, (value: unknown, other: unknown) => unknown][] = [
    ['round', (v, d) => round(v as string, d as number)],
    ['formatNumber', (v, d) => formatNumber(v as string, d as number)],
    ['formatPercent', (v, d) => formatPercent(v as string, d as number)],
    ['formatMoney', (v, c) => formatMoney(v as string, c as string)],
    ['escapeHtml', (v) => escapeHtml(v as string)],
    ['escapeMarkdown', (v) => escapeMarkdown(v as string)],
    ['neutraliseCsvCell', (v) => neutraliseCsvCell(v as string)],
    ['formatCsv', (v, o) => formatCsv(v as never, o as never)],
    ['renderText', (v, o) => renderText(v as never, o as never)],
    ['safeParseAnalysisJson', (v, o) => safeParseAnalysisJson(v as string, o as never)],
  ];

  it.each(helpers)(
    '%s returns, or throws SroiError; a figure is never NaN or Infinity',
    (name, helper) => {
      fc.assert(
        fc.property(
          fc.oneof(fc.anything(), fc.double().map(String)),
          fc.oneof(fc.anything(), fc.integer({ min: -3, max: 30 })),
          (value, other) => {
            let result: unknown;
            try {
              result = helper(value, other);
            } catch (error) {
              expect(error).toBeInstanceOf(SroiError);
              return;
            }
            if (figures.has(name) && typeof result === 'string') {
              expect(result).not.toMatch(/\bNaN\b|\bInfinity\b/);
            }
          },
        ),
        { numRuns: 200 },
      );
    },
  );
});
