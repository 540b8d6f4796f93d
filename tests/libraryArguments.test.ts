/**
 * Every function the library exports (`src/index.ts`, `src/xlsx.ts`) given wrong arguments:
 * each call returns normally or throws `SroiError` — never a TypeError, a RangeError or a
 * DecimalError from inside, never a "NaN" or "Infinity" in what it returns — and a wrong
 * argument (`INVALID_ARGUMENT`) is named by a message that starts with the function's name and
 * stays short. Each export is called with valid arguments (the table below), then with each
 * argument in turn replaced by each of the wrong values (a size of 10^9 among them: a bound on
 * years, rows or draws keeps the call from running out of memory). An export missing from the
 * table, and not exempted with its reason, fails the first test until it is covered.
 */
import { describe, expect, it } from 'vitest';
import { modelAnalysis, modelOutcome } from './_model.js';
import * as index from '../src/index.js';
import * as xlsx from '../src/xlsx.js';
import { SroiError } from '../src/model/SroiError.js';

const analysis = modelAnalysis([modelOutcome({ deadweight: '0.2', dropOff: '0.1', duration: 2 })]);
const result = index.evaluateAnalysis(analysis);
const uncertainty = {
  seed: 1,
  draws: 50,
  bins: 5,
  parameters: [
    { parameter: 'deadweight', outcome: 'a', distribution: 'uniform', min: '0.1', max: '0.3' },
  ],
} as const;

/** A value nested 10,000 levels deep. */
function deep(): unknown {
  let value: unknown = {};
  for (let i = 0; i < 10_000; i++) value = { a: value, b: [value] };
  return value;
}

const WRONG: readonly [string, unknown][] = [
  ['null', null],
  ['undefined', undefined],
  ['{}', {}],
  ['[]', []],
  ["'x'", 'x'],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-1', -1],
  ['1e9', 1e9],
  ['a Symbol', Symbol('wrong')],
  ['a deep object', deep()],
];

/** Valid arguments for each export that is a function. */
const VALID: Readonly<Record<string, () => readonly unknown[]>> = {
  calculateSroi: () => [{ name: 'x', inputs: [{ description: 'g', value: 1 }], outcomes: [] }, {}],
  evaluateAnalysis: () => [analysis, {}],
  rebase: () => ['100', 2019, 2023, index.hmtGdpDeflatorsCalendar],
  outcomeValues: () => [modelOutcome({ duration: 2.5, dropOff: '0.5' }), '1000'],
  discountRate: () => [{ timing: 'end', schedule: 'green-book' }, 31],
  discountFactor: () => [{ timing: 'end', rate: '0.035' }, 3],
  discountFactors: () => [{ timing: 'end', rate: '0.035' }, 3],
  paybackMonths: () => ['30000', '30570'],
  breakEvenYear: () => ['30000', [1, 2], ['29536.2', '58000']],
  parameterRefs: () => [analysis],
  oneWaySensitivity: () => [analysis, { step: '0.1', fractionStep: '0.1', durationStep: 1 }],
  switchingValues: () => [analysis, { target: '1' }],
  solveFor: () => [analysis, { parameter: 'deadweight', outcome: 'a' }, { sroiRatio: '1' }, {}],
  sensitivityAnalysis: () => [analysis, { target: '1', step: '0.1' }],
  parseScenarios: () => [{ low: { outcomes: { a: { deadweight: '0.5' } } } }, analysis],
  safeParseScenarios: () => [{ low: { outcomes: { a: { deadweight: '0.5' } } } }, analysis],
  applyScenario: () => [analysis, { outcomes: { a: { deadweight: '0.5' } } }, 'low'],
  evaluateScenarios: () => [analysis, { low: { outcomes: { a: { deadweight: '0.5' } } } }, {}],
  safeParseUncertainty: () => [uncertainty, analysis],
  parseUncertainty: () => [uncertainty, analysis],
  simulate: () => [analysis, uncertainty, { draws: 20, seed: 2, bins: 3 }],
  renderText: () => [result, {}],
  round: () => ['1.25', 1, 'half-up'],
  formatNumber: () => ['1234.5', 2],
  formatMoney: () => ['1234.5', 'GBP'],
  formatPercent: () => ['0.25', 1],
  renderMarkdown: () => [result, {}],
  renderHtml: () => [result, {}],
  checkAnalysis: () => [analysis, {}],
  diffAnalyses: () => [analysis, modelAnalysis([modelOutcome({ quantity: '12' })]), {}],
  formatIssue: () => [{ code: 'required', message: 'm', path: ['outcomes', 0] }],
  parseAnalysis: () => [{ name: 'x', outcomes: [] }, {}],
  safeParseAnalysis: () => [{ name: 'x', outcomes: [] }, {}],
  safeParseAnalysisJson: () => ['{ "name": "x", "outcomes": [] }', { file: 'a.json' }],
  readJson: () => ['{ "a": [1, 2] }', { file: 'a.json' }],
  formatJsonIssue: () => [
    {
      code: 'required',
      message: 'm',
      path: ['name'],
      location: { file: 'a.json', line: 1, column: 1 },
    },
  ],
  analysisJsonSchema: () => [],
  readNumber: () => ['£1,200.50'],
  readCsvAnalysis: () => [
    {
      outcomes: {
        file: 'o.csv',
        text: 'stakeholder,outcome,quantity,proxy_value,duration\na,b,1,2,1\n',
      },
    },
    {},
  ],
  formatCsv: () => [[['a', 1]], {}],
  renderCsv: () => [result],
  csvTemplate: () => [],
  formatPath: () => [['outcomes', 0, 'deadweight']],
  readWorkbook: () => [xlsx.valueMapTemplate({ rows: 1, years: 1 }), {}],
  cellAddress: () => [1, 1],
  cellReference: () => ['Sheet 1', 'C12'],
  columnLetters: () => [28],
  parseCellAddress: () => ['C12'],
  parseCellRange: () => ['A1:C3'],
  numberFormatKind: () => ['0.00%'],
  decodeText: () => [new TextEncoder().encode('a,b')],
  sniffBytes: () => [new TextEncoder().encode('a,b')],
  writeValueMap: () => [analysis, result, {}],
  valueMapTemplate: () => [{ rows: 2, years: 2 }],
  readValueMap: () => [
    {
      csv: {
        file: 'map.csv',
        text: 'Stakeholders,Outcome,Quantity,Value in currency,Duration\nA,B,1,1,1\n',
      },
    },
    {},
  ],
  valueMapFeatures: () => ['Stakeholders,Outcome,Quantity,Value in currency,Duration\n'],
};

/** Exports not called with wrong arguments here, with the reason. */
const EXEMPT: Readonly<Record<string, string>> = {
  SroiError:
    "a class: `new SroiError(code, message, issues)` keeps what it is given (it is the library's own error, built while another is reported)",
};

const exported = { ...index, ...xlsx } as Record<string, unknown>;
const functions = Object.keys(exported).filter((name) => typeof exported[name] === 'function');

/** The strings and numbers in a returned value that spell a figure that is not one. */
function notFinite(value: unknown, seen = new Set<unknown>(), depth = 0): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : String(value);
  if (typeof value === 'string') return /\bNaN\b|\bInfinity\b/.exec(value)?.[0];
  if (value === null || typeof value !== 'object' || seen.has(value) || depth > 50)
    return undefined;
  seen.add(value);
  const issue = 'code' in value && 'path' in value;
  for (const [key, item] of Object.entries(value)) {
    // An issue's `received` is the value as it was given, not a figure, and its message may
    // quote it ("…, got NaN"): the rule is that no figure is NaN or Infinity.
    if (key === 'received' || (issue && key === 'message')) continue;
    const found = notFinite(item, seen, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The names a message of a wrong argument may start with: the library's functions. */
const names = new Set(Object.keys(exported));

function outcomeOf(call: () => unknown): string {
  let returned: unknown;
  try {
    returned = call();
  } catch (error) {
    if (!(error instanceof SroiError)) {
      return `${(error as Error).name}: ${String((error as Error).message).slice(0, 200)}`;
    }
    if (error.message.length > 1000) return `a message of ${error.message.length} characters`;
    const named = /^(\w+): /.exec(error.message)?.[1];
    if (error.code === 'INVALID_ARGUMENT' && (named === undefined || !names.has(named))) {
      return `a message that names no function: ${error.message.slice(0, 200)}`;
    }
    return 'ok';
  }
  const bad = notFinite(returned);
  return bad === undefined ? 'ok' : `returned ${bad}`;
}

describe('every export of the library, on wrong arguments', () => {
  it('has valid arguments, or an exemption with its reason, for every function it exports', () => {
    expect(functions.filter((name) => !(name in VALID) && !(name in EXEMPT))).toEqual([]);
    // an exemption of a function that is no longer exported, or is covered too, is stale
    expect(
      Object.keys(EXEMPT).filter((name) => !functions.includes(name) || name in VALID),
    ).toEqual([]);
  });

  it.each(functions.filter((name) => name in VALID))('%s returns or throws SroiError', (name) => {
    const fn = exported[name] as (...args: unknown[]) => unknown;
    const valid = (VALID[name] as () => readonly unknown[])();
    const call = (args: readonly unknown[]) => fn(...args);
    expect(outcomeOf(() => call(valid))).toBe('ok');
    const failures: string[] = [];
    const positions = Math.max(valid.length, fn.length, 1);
    for (let position = 0; position < positions; position++) {
      for (const [label, wrong] of WRONG) {
        const args = [...valid];
        args[position] = wrong;
        const outcome = outcomeOf(() => call(args));
        if (outcome !== 'ok') failures.push(`argument ${position} = ${label}: ${outcome}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
