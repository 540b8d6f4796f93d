/**
 * `diffAnalyses`: every change found, in the stated order, and effects that add up exactly to
 * the whole change. Expected effects are worked out by hand from the sequential rule
 * (docs/diff.md): each change's effect is the ratio after it minus the ratio before it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAnalysis } from '../../src/calc/evaluateAnalysis.js';
import { diffAnalyses } from '../../src/review/diffAnalyses.js';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';
import type { Analysis, Outcome } from '../../src/model/analysis.js';
import type { AnalysisDiff } from '../../src/review/diffAnalyses.js';
import type { AnalysisInput } from '../../src/schema/analysisSchema.js';
import Decimal from 'decimal.js';

/** Exact sums for the test, independent of the library's own arithmetic. */
const X = Decimal.clone({ precision: 1e9, toExpNeg: -9e15, toExpPos: 9e15 });

/** Σ of the non-null ratio effects and of the present value effects, exactly. */
function sums(diff: AnalysisDiff): { ratio: string; presentValue: string } {
  let ratio = new X(0);
  let presentValue = new X(0);
  for (const change of diff.changes) {
    if (change.ratioEffect !== null) ratio = ratio.plus(change.ratioEffect);
    if (change.presentValueEffect !== null)
      presentValue = presentValue.plus(change.presentValueEffect);
  }
  return { ratio: ratio.toString(), presentValue: presentValue.toString() };
}

/** The whole change, from the engine's own results of each side. */
function whole(before: Analysis, after: Analysis): { ratio: string | null; presentValue: string } {
  const a = evaluateAnalysis(before);
  const b = evaluateAnalysis(after);
  return {
    ratio:
      a.sroiRatio === null || b.sroiRatio === null
        ? null
        : new X(b.sroiRatio).minus(a.sroiRatio).toString(),
    presentValue: new X(b.totalPresentValue).minus(a.totalPresentValue).toString(),
  };
}

const base = parseAnalysis({
  name: '2023',
  discount: { rate: '0' },
  inputs: [{ description: 'Grant', value: '100' }],
  outcomes: [
    {
      id: 'a',
      stakeholder: 's',
      outcome: 'Warmer',
      quantity: '10',
      proxy: { value: '20' },
      duration: 1,
    },
  ],
});

function edit(analysis: Analysis, change: (a: Record<string, unknown>) => void): Analysis {
  const copy = structuredClone(analysis) as unknown as Record<string, unknown>;
  change(copy);
  return copy as unknown as Analysis;
}

const outcomesOf = (a: Record<string, unknown>) => a['outcomes'] as Record<string, unknown>[];
const inputsOf = (a: Record<string, unknown>) => a['inputs'] as Record<string, unknown>[];

describe('diffAnalyses', () => {
  it('finds no change between an analysis and itself', () => {
    const diff = diffAnalyses(base, structuredClone(base));
    expect(diff.changes).toEqual([]);
    expect(diff.ratioChange).toBe('0');
    expect(diff.notes).toEqual([]);
  });

  it('applies inputs before outcomes and gives each change its own effect', () => {
    // hand-computed: before 10 × 20 / 100 = 2. Grant 100 → 200 first: 200 / 200 = 1 (−1);
    // then quantity 10 → 15: 300 / 200 = 1.5 (+0.5). Whole change 1.5 − 2 = −0.5.
    const after = edit(base, (a) => {
      (inputsOf(a)[0] as Record<string, unknown>)['value'] = '200';
      (outcomesOf(a)[0] as Record<string, unknown>)['quantity'] = '15';
    });
    const diff = diffAnalyses(base, after);
    expect(diff.before).toEqual({
      name: '2023',
      sroiRatio: '2',
      totalPresentValue: '200',
      totalInputs: '100',
      netPresentValue: '100',
    });
    expect(diff.ratioChange).toBe('-0.5');
    expect(diff.presentValueChange).toBe('100');
    expect(diff.changes).toEqual([
      {
        path: 'inputs["Grant"].value',
        change: 'changed',
        before: '100',
        after: '200',
        input: 'Grant',
        ratioEffect: '-1',
        presentValueEffect: '0',
      },
      {
        path: 'outcomes["a"].quantity',
        change: 'changed',
        before: '10',
        after: '15',
        outcome: 'a',
        ratioEffect: '0.5',
        presentValueEffect: '100',
      },
    ]);
  });

  it('lists the settings first: price year, discount, timing, horizon', () => {
    const two = edit(base, (a) => {
      (outcomesOf(a)[0] as Record<string, unknown>)['duration'] = 2;
    });
    const after = edit(two, (a) => {
      a['discount'] = { timing: 'start', rate: '0.1' };
      a['horizon'] = 1;
    });
    const diff = diffAnalyses(two, after);
    expect(diff.changes.map((c) => [c.path, c.before, c.after])).toEqual([
      ['discount.rate', '0', '0.1'],
      ['discount.timing', 'end', 'start'],
      ['horizon', null, 1],
    ]);
    // hand-computed: 200 + 200 = 400 / 100 = 4; at 10% end of year: 200/1.1 + 200/1.21 =
    // 347.107…, ratio 3.47107…; timing start: 200 + 200/1.1 = 381.818…; horizon 1: 200 → 2
    const effects = diff.changes.map((c) => Number(c.ratioEffect));
    expect(effects[0]).toBeCloseTo(3.471074380165 - 4, 10);
    expect(effects[1]).toBeCloseTo(3.818181818182 - 3.471074380165, 10);
    expect(effects[2]).toBeCloseTo(2 - 3.818181818182, 10);
    expect(sums(diff).ratio).toBe(whole(two, after).ratio);
  });

  it('writes a change of discount kind as one change, with both settings in words', () => {
    const after = edit(base, (a) => {
      a['discount'] = { timing: 'end', schedule: 'green-book' };
    });
    expect(diffAnalyses(base, after).changes.map((c) => [c.path, c.before, c.after])).toEqual([
      ['discount', 'rate 0', 'schedule green-book'],
    ]);
  });

  describe('matching outcomes', () => {
    const two = parseAnalysis({
      name: 'x',
      discount: { rate: '0' },
      inputs: [{ description: 'Grant', value: '100' }],
      outcomes: [
        {
          stakeholder: 'Tenants',
          outcome: 'Warmer',
          quantity: '10',
          proxy: { value: '20' },
          duration: 1,
        },
        {
          stakeholder: 'Council',
          outcome: 'Fewer repairs',
          quantity: '5',
          proxy: { value: '10' },
          duration: 1,
        },
      ],
    });

    it('by stakeholder and outcome text when the ids are only row numbers', () => {
      // a row inserted at the top: o1, o2 become o2, o3; text still pairs them
      const after = parseAnalysis({
        ...(JSON.parse(
          JSON.stringify({
            name: 'x',
            discount: { rate: '0' },
            inputs: [{ description: 'Grant', value: '100' }],
          }),
        ) as AnalysisInput),
        outcomes: [
          {
            stakeholder: 'Tenants',
            outcome: 'Safer',
            quantity: '1',
            proxy: { value: '50' },
            duration: 1,
          },
          {
            stakeholder: 'tenants',
            outcome: '  warmer ',
            quantity: '10',
            proxy: { value: '20' },
            duration: 1,
          },
          {
            stakeholder: 'Council',
            outcome: 'Fewer repairs',
            quantity: '5',
            proxy: { value: '10' },
            duration: 1,
          },
        ],
      });
      const diff = diffAnalyses(two, after);
      // hand-computed: the added outcome is worth 1 × 50 = 50 on 100 of inputs: +0.5
      // (after's rows in order; the case and spacing of the text are changes of their own)
      expect(diff.changes.map((c) => [c.path, c.change, c.ratioEffect])).toEqual([
        ['outcomes["o1"]', 'added', '0.5'],
        ['outcomes["o2"].stakeholder', 'changed', '0'],
        ['outcomes["o2"].outcome', 'changed', '0'],
        ['outcomes["o2"].id', 'changed', '0'],
        ['outcomes["o3"].id', 'changed', '0'],
      ]);
    });

    it('by id when the ids are given, whatever the text', () => {
      const named = edit(two, (a) => {
        outcomesOf(a).forEach((o, i) => (o['id'] = ['warm', 'repairs'][i]));
      });
      const reworded = edit(named, (a) => {
        (outcomesOf(a)[0] as Record<string, unknown>)['outcome'] = 'Homes kept warm';
        a['outcomes'] = [...outcomesOf(a)].reverse();
      });
      const diff = diffAnalyses(named, reworded);
      expect(diff.changes.map((c) => [c.path, c.before, c.after])).toEqual([
        ['outcomes["warm"].outcome', 'Warmer', 'Homes kept warm'],
        ['outcomes', ['warm', 'repairs'], ['repairs', 'warm']],
      ]);
      expect(sums(diff).ratio).toBe(whole(named, reworded).ratio);
    });

    it('by row id when both the text and the stakeholder changed in place', () => {
      const after = edit(two, (a) => {
        (outcomesOf(a)[1] as Record<string, unknown>)['outcome'] = 'Fewer call-outs';
      });
      expect(diffAnalyses(two, after).changes.map((c) => c.path)).toEqual([
        'outcomes["o2"].outcome',
      ]);
    });
  });

  it('lists added and removed outcomes, with what each brought or took', () => {
    // hand-computed: before 200 / 100 = 2; "a" removed: 0 / 100 (−2); "b" added,
    // 3 × 40 = 120: 1.2 (+1.2); whole change 1.2 − 2 = −0.8
    const after = edit(base, (a) => {
      a['outcomes'] = [
        {
          ...(outcomesOf(a)[0] as object),
          id: 'b',
          stakeholder: 'Council',
          outcome: 'Fewer repairs',
          quantity: '3',
          proxy: { value: '40' },
        },
      ];
    });
    const diff = diffAnalyses(base, after);
    expect(diff.changes).toEqual([
      {
        path: 'outcomes["a"]',
        change: 'removed',
        before: 's: Warmer',
        after: null,
        outcome: 'a',
        ratioEffect: '-2',
        presentValueEffect: '-200',
      },
      {
        path: 'outcomes["b"]',
        change: 'added',
        before: null,
        after: 'Council: Fewer repairs',
        outcome: 'b',
        ratioEffect: '1.2',
        presentValueEffect: '120',
      },
    ]);
  });

  it('applies inputs that raise the total before those that lower it, so the ratio stays defined', () => {
    // Grant 100 → 0 and a new input of 100 in row order would pass through zero inputs;
    // raising first: 200 / 200 = 1 (−1), then 200 / 100 = 2 (+1)
    const after = edit(base, (a) => {
      a['inputs'] = [
        { description: 'Grant', value: '0', year: 0 },
        { description: 'Donation', value: '100', year: 0 },
      ];
    });
    const diff = diffAnalyses(base, after);
    expect(diff.changes.map((c) => [c.path, c.ratioEffect])).toEqual([
      ['inputs["Donation"]', '-1'],
      ['inputs["Grant"].value', '1'],
    ]);
    expect(diff.notes).toEqual([]);
  });

  it('matches an input renamed in its place, and lists removed inputs last', () => {
    const two = edit(base, (a) => {
      a['inputs'] = [
        { description: 'Grant', value: '100', year: 0 },
        { description: 'Room hire', value: '20', year: 0 },
      ];
    });
    const after = edit(two, (a) => {
      a['inputs'] = [{ description: 'Council grant', value: '100', year: 1 }];
    });
    const diff = diffAnalyses(two, after);
    expect(diff.changes.map((c) => [c.path, c.before, c.after])).toEqual([
      ['inputs["Council grant"].description', 'Grant', 'Council grant'],
      ['inputs["Council grant"].year', 0, 1],
      ['inputs["Room hire"]', '20', null],
    ]);
    expect(sums(diff).ratio).toBe(whole(two, after).ratio);
  });

  it('lists what changes no figure, with an effect of 0', () => {
    const after = {
      ...base,
      organisation: 'Warm Homes Trust',
      outcomes: base.outcomes.map((o) => ({
        ...o,
        indicator: 'Homes above 18°C',
        proxy: { ...o.proxy, source: 'Survey 2024' },
        evidence: { deadweight: 'Control group of 40 homes' },
      })),
    } as Analysis;
    const diff = diffAnalyses(base, after);
    expect(diff.changes.map((c) => [c.path, c.change, c.before, c.after, c.ratioEffect])).toEqual([
      ['organisation', 'added', null, 'Warm Homes Trust', '0'],
      ['outcomes["a"].indicator', 'added', null, 'Homes above 18°C', '0'],
      ['outcomes["a"].proxy.source', 'added', null, 'Survey 2024', '0'],
      ['outcomes["a"].evidence.deadweight', 'added', null, 'Control group of 40 homes', '0'],
    ]);
  });

  describe('with zero inputs on either side', () => {
    const none = edit(base, (a) => {
      a['inputs'] = [];
    });

    it.each([
      ['before', none, base],
      ['after', base, none],
    ])(
      'gives no ratio effect when the ratio is undefined %s, and says why',
      (_side, before, after) => {
        const changed = edit(after, (a) => {
          (outcomesOf(a)[0] as Record<string, unknown>)['quantity'] = '12';
        });
        const diff = diffAnalyses(before, changed);
        expect(diff.ratioChange).toBeNull();
        expect(diff.changes.length).toBe(2);
        for (const change of diff.changes) expect(change.ratioEffect).toBeNull();
        expect(diff.notes[0]).toMatch(
          /^the SROI ratio is undefined (before|after) \(total inputs are zero\), so there is no change in the ratio to share out/,
        );
        // the present value effects still add up: 12 × 20 − 10 × 20 = 40
        expect(sums(diff).presentValue).toBe('40');
        expect(diff.presentValueChange).toBe('40');
      },
    );
  });

  it('values together two changes whose middle cannot be calculated, and says so', () => {
    // calendar years before, financial years after: between the two changes, a financial-year
    // price base with a calendar-year proxy cannot be rebased
    const calendar = edit(base, (a) => {
      a['priceYear'] = 2023;
      (outcomesOf(a)[0] as Record<string, unknown>)['proxy'] = { value: '20', priceYear: 2020 };
    });
    const financial = edit(base, (a) => {
      a['priceYear'] = '2023-24';
      (outcomesOf(a)[0] as Record<string, unknown>)['proxy'] = {
        value: '20',
        priceYear: '2020-21',
      };
    });
    const diff = diffAnalyses(calendar, financial);
    expect(diff.changes.map((c) => [c.path, c.ratioEffect === null])).toEqual([
      ['priceYear', true],
      ['outcomes["a"].proxy.priceYear', false],
    ]);
    expect(diff.changes[1]?.ratioEffect).toBe(diff.ratioChange);
    expect(diff.notes[0]).toMatch(/^some changes could not be valued on their own/);
  });

  it('does not change the analyses it compares', () => {
    const after = edit(base, (a) => {
      a['horizon'] = 3;
    });
    const [b, c] = [JSON.stringify(base), JSON.stringify(after)];
    diffAnalyses(base, after);
    expect([JSON.stringify(base), JSON.stringify(after)]).toEqual([b, c]);
  });
});

// Random pairs of analyses: the second either made from the first by changes of every kind
// (assumptions changed, outcomes and inputs added and removed, settings) or drawn on its own.
const fraction = fc.integer({ min: 0, max: 20 }).map((n) => String(n * 0.05));
const money = fc.integer({ min: -200, max: 5000 }).map(String);
const outcomeInput = fc.record(
  {
    stakeholder: fc.constantFrom('Tenants', 'Council', 'Volunteers'),
    outcome: fc.constantFrom('Warmer', 'Safer', 'Fewer repairs', 'Less lonely', 'In work'),
    indicator: fc.constantFrom('a', 'b'),
    category: fc.constantFrom('social', 'fiscal'),
    quantity: fc.integer({ min: 0, max: 500 }).map(String),
    proxy: fc.record(
      { value: money, source: fc.constantFrom('x', 'y') },
      { requiredKeys: ['value'] },
    ),
    duration: fc.integer({ min: 1, max: 6 }),
    start: fc.integer({ min: 1, max: 2 }),
    deadweight: fraction,
    displacement: fraction,
    attribution: fraction,
    leakage: fraction,
    dropOff: fraction,
  },
  { requiredKeys: ['stakeholder', 'outcome', 'quantity', 'proxy', 'duration'] },
);
const inputInput = fc.record({
  description: fc.constantFrom('Grant', 'Donation', 'Room hire', 'Volunteer time'),
  value: fc.integer({ min: 0, max: 20000 }).map(String),
  year: fc.integer({ min: 0, max: 2 }),
});
const settings = fc.record(
  {
    discount: fc.oneof(
      fc.integer({ min: 0, max: 10 }).map((n) => ({ rate: `${n}%` })),
      fc.constant({ schedule: 'green-book' }),
      fc.constant({ rates: ['3.5%', '3%'], timing: 'mid' }),
    ),
    horizon: fc.integer({ min: 1, max: 8 }),
  },
  { requiredKeys: ['discount'] },
);
const analysisInput = fc.record({
  settings,
  withIds: fc.boolean(),
  outcomes: fc.array(outcomeInput, { minLength: 1, maxLength: 5 }),
  inputs: fc.array(inputInput, { minLength: 0, maxLength: 3 }),
});

function build(drawn: {
  settings: Record<string, unknown>;
  withIds: boolean;
  outcomes: object[];
  inputs: object[];
}): Analysis {
  return parseAnalysis({
    name: 'Random',
    ...drawn.settings,
    inputs: drawn.inputs,
    outcomes: drawn.outcomes.map((o, i) => ({
      ...(drawn.withIds ? { id: `out-${i}` } : {}),
      ...o,
    })),
  });
}

/** A second analysis made from the first: each outcome kept, changed or removed; some added. */
const mutation = fc.record({
  keep: fc.array(fc.constantFrom('keep', 'change', 'remove'), { minLength: 5, maxLength: 5 }),
  changes: fc.array(outcomeInput, { minLength: 5, maxLength: 5 }),
  added: fc.array(outcomeInput, { maxLength: 2 }),
  inputs: fc.array(inputInput, { maxLength: 3 }),
  replaceInputs: fc.boolean(),
  settings: fc.option(settings, { nil: undefined }),
  shuffle: fc.boolean(),
});

describe('diffAnalyses: effects add up exactly', () => {
  it('for an analysis and a changed version of it', () => {
    fc.assert(
      fc.property(analysisInput, mutation, (drawn, m) => {
        const outcomes = drawn.outcomes.flatMap((o, i) => {
          const what = m.keep[i] ?? 'keep';
          if (what === 'remove' && drawn.outcomes.length > 1) return [];
          if (what === 'change') {
            const changes = m.changes[i] as Record<string, unknown>;
            // a changed outcome keeps its stakeholder and text, so that it still matches
            return [
              {
                ...o,
                ...changes,
                stakeholder: (o as Outcome).stakeholder,
                outcome: (o as Outcome).outcome,
              },
            ];
          }
          return [o];
        });
        const kept = outcomes.length === 0 ? drawn.outcomes.slice(0, 1) : outcomes;
        const afterDrawn = {
          ...drawn,
          settings: m.settings ?? drawn.settings,
          outcomes: [...(m.shuffle ? [...kept].reverse() : kept), ...m.added],
          inputs: m.replaceInputs ? m.inputs : [...drawn.inputs, ...m.inputs],
        };
        const before = build(drawn);
        const after = build(afterDrawn);
        check(before, after);
      }),
      { numRuns: 150 },
    );
  });

  it('for two analyses drawn on their own', () => {
    fc.assert(
      fc.property(analysisInput, analysisInput, (a, b) => check(build(a), build(b))),
      { numRuns: 150 },
    );
  });
});

/** The invariants of every diff. */
function check(before: Analysis, after: Analysis): void {
  const diff = diffAnalyses(before, after);
  const expected = whole(before, after);
  expect(sums(diff).presentValue).toBe(expected.presentValue);
  if (expected.ratio === null) {
    expect(diff.ratioChange).toBeNull();
    for (const change of diff.changes) expect(change.ratioEffect).toBeNull();
  } else {
    expect(diff.ratioChange).toBe(expected.ratio);
    expect(sums(diff).ratio).toBe(expected.ratio);
  }
  // Nothing changed means nothing listed, and the other way round.
  expect(diff.changes.length === 0).toBe(
    JSON.stringify(evaluateAnalysis(before)) === JSON.stringify(evaluateAnalysis(after)) &&
      JSON.stringify(before) === JSON.stringify(after),
  );
}
