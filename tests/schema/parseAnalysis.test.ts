import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAnalysis } from '../../src/calc/evaluateAnalysis.js';
import { parseAnalysis, safeParseAnalysis } from '../../src/schema/parseAnalysis.js';
import { SroiError } from '../../src/model/SroiError.js';
import { formatPath } from '../../src/model/formatIssue.js';

const outcome = (fields: Record<string, unknown> = {}) => ({
  stakeholder: 'Residents',
  outcome: 'Change',
  quantity: '10',
  proxy: { value: '100' },
  duration: 1,
  ...fields,
});
const analysis = (fields: Record<string, unknown> = {}) => ({
  name: 'Test',
  outcomes: [outcome()],
  ...fields,
});
const issuesOf = (input: unknown) => {
  const result = safeParseAnalysis(input);
  return result.success
    ? []
    : result.issues.map((i) => ({ code: i.code, path: formatPath(i.path), message: i.message }));
};

describe('parseAnalysis', () => {
  it('reports hundreds of thousands of issues without overflowing the call stack', () => {
    // 200,000 outcomes with one id: 199,999 "used twice" issues. Spreading them into one push()
    // overflowed V8's stack (found by reading a 800,000-row CSV that was not an impact map).
    const outcomes = Array.from({ length: 200_000 }, () => ({
      id: 'same',
      stakeholder: 'a',
      outcome: 'b',
      quantity: '1',
      proxy: { value: '1' },
      duration: 1,
    }));
    const parsed = safeParseAnalysis({ name: 'n', outcomes });
    expect(parsed.success).toBe(false);
    // The first 1,000 are listed and one more counts the rest: 199,999 − 1,000 = 198,999.
    expect(parsed.issues).toHaveLength(1001);
    expect(parsed.issues[0]?.message).toContain('"same" is used twice');
    expect(parsed.issues[1000]).toMatchObject({
      code: 'too_many_issues',
      message: expect.stringContaining('and 198,999 more problems, not listed (199,999 in all)'),
    });
  });

  it('fills the defaults of docs/method.md and docs/model.md', () => {
    const parsed = parseAnalysis(analysis());
    expect(parsed.currency).toBe('GBP');
    expect(parsed.discount).toEqual({ timing: 'end', rate: '0.035' });
    expect(parsed.outcomes[0]).toMatchObject({
      id: 'o1',
      start: 1,
      deadweight: '0',
      displacement: '0',
      attribution: '0',
      leakage: '0',
      dropOff: '0',
    });
    expect(parsed.inputs).toEqual([]);
  });

  it('reads money and fractions written as people write them', () => {
    const parsed = parseAnalysis(
      analysis({
        inputs: [{ description: 'Grant', value: '£12,500.50', year: '1' }],
        outcomes: [
          outcome({
            quantity: '1,000',
            proxy: { value: '(1,200)', priceYear: '2012/13' },
            deadweight: '25%',
            attribution: 0.1,
            dropOff: '0.5',
          }),
        ],
      }),
    );
    expect(parsed.inputs[0]).toEqual({ description: 'Grant', value: '12500.5', year: 1 });
    expect(parsed.outcomes[0]).toMatchObject({
      quantity: '1000',
      proxy: { value: '-1200', priceYear: '2012-13' },
      deadweight: '0.25',
      attribution: '0.1',
      dropOff: '0.5',
    });
  });

  it('normalises discount settings', () => {
    expect(
      parseAnalysis(analysis({ discount: { schedule: 'green-book-health', timing: 'mid' } }))
        .discount,
    ).toEqual({ timing: 'mid', schedule: 'green-book-health' });
    expect(parseAnalysis(analysis({ discount: { rates: ['3.5%', '3%'] } })).discount).toEqual({
      timing: 'end',
      rates: ['0.035', '0.03'],
    });
  });

  it('resolves stakeholder names to ids when stakeholders are listed', () => {
    const parsed = parseAnalysis(
      analysis({
        stakeholders: [{ id: 'op', name: 'Older people' }],
        outcomes: [outcome({ stakeholder: 'Older people' })],
        inputs: [{ description: 'x', value: 1, stakeholder: 'op' }],
      }),
    );
    expect(parsed.outcomes[0]?.stakeholder).toBe('op');
    expect(parsed.inputs[0]?.stakeholder).toBe('op');
  });

  it('rejects a bare fraction above 1 with a hint', () => {
    expect(issuesOf(analysis({ outcomes: [outcome({ deadweight: 25 })] }))).toEqual([
      {
        code: 'out_of_range',
        path: 'outcomes[0].deadweight',
        message: 'deadweight must be a fraction from 0 to 1, got 25 (write 25% or 0.25)',
      },
    ]);
  });

  it('reports every issue at once, each with its path', () => {
    const issues = issuesOf({
      name: '',
      currency: 'pounds',
      discount: { rate: '3.5', schedule: 'treasury' },
      stakeholders: [{ id: 'a' }, { id: 'a' }],
      inputs: [{ description: 'Grant', value: '-5', stakeholder: 'nobody' }],
      outcomes: [
        outcome({
          stakeholder: 'b',
          quantity: 'lots',
          proxy: { value: '#DIV/0!' },
          duration: 0,
          attribution: '120%',
          deadwieght: '5%',
        }),
        outcome({ id: 'o1', stakeholder: 'a', start: 0, quantityByYear: [1, 2], duration: 3 }),
      ],
    });
    expect(issues.map((i) => `${i.code} ${i.path}`).sort()).toEqual(
      [
        'required name',
        'invalid_value currency',
        'out_of_range discount.rate',
        'unknown_schedule discount.schedule',
        'invalid_discount discount',
        'duplicate_id stakeholders[1].id',
        'out_of_range inputs[0].value',
        'unknown_stakeholder inputs[0].stakeholder',
        'unknown_stakeholder outcomes[0].stakeholder',
        'invalid_number outcomes[0].quantity',
        'spreadsheet_error outcomes[0].proxy.value',
        'out_of_range outcomes[0].duration',
        'out_of_range outcomes[0].attribution',
        'unknown_key outcomes[0]',
        'duplicate_id outcomes[1].id',
        'not_whole_years outcomes[1].start',
        'length_mismatch outcomes[1].quantityByYear',
      ].sort(),
    );
    const message = (path: string) => issues.find((i) => i.path === path)?.message;
    expect(message('discount.rate')).toBe(
      'discount.rate must be a fraction from 0 to 1, got "3.5" (write 3.5% or 0.035)',
    );
    expect(message('outcomes[0].duration')).toBe(
      'duration must be a number of years greater than 0 and at most 1000, got 0',
    );
    expect(message('outcomes[0]')).toMatch(/unknown field "deadwieght"/);
    expect(message('outcomes[1].quantityByYear')).toBe(
      'quantityByYear must give one quantity for each of the 3 valued years (duration), got 2',
    );
  });

  it('requires the fields without which nothing can be calculated', () => {
    expect(
      issuesOf({ outcomes: [{ proxy: {} }] })
        .map((i) => `${i.code} ${i.path}`)
        .sort(),
    ).toEqual(
      [
        'required name',
        'required outcomes[0].stakeholder',
        'required outcomes[0].outcome',
        'required outcomes[0].quantity',
        'required outcomes[0].proxy.value',
        'required outcomes[0].duration',
      ].sort(),
    );
  });

  it('requires at least one outcome', () => {
    expect(issuesOf({ name: 'Empty', outcomes: [] })).toEqual([
      {
        code: 'required',
        path: 'outcomes',
        message: 'outcomes must list at least one outcome: there is nothing to value',
      },
    ]);
  });

  it('names a missing nested field by its path in the outcome', () => {
    expect(issuesOf(analysis({ outcomes: [outcome({ proxy: { source: 'x' } })] }))).toEqual([
      { code: 'required', path: 'outcomes[0].proxy.value', message: 'proxy.value is required' },
    ]);
  });

  it('explains a clash between a given id and an automatic one', () => {
    const [issue] = issuesOf(analysis({ outcomes: [outcome(), outcome({ id: 'o1' })] }));
    expect(issue?.message).toBe(
      'outcome id "o1" is also the id given automatically to outcomes[0], which has none; give that outcome an id, or choose another',
    );
  });

  it('rejects something that is not an analysis at all', () => {
    expect(issuesOf(42)).toEqual([
      { code: 'invalid_type', path: '(root)', message: 'the analysis must be an object, got 42' },
    ]);
    expect(issuesOf([]).length).toBe(1);
  });

  it('checks proxy price years against the deflator series when the analysis has a price year', () => {
    expect(
      issuesOf(
        analysis({
          priceYear: 2023,
          outcomes: [
            outcome({ proxy: { value: 1, priceYear: 2030 } }),
            outcome({ proxy: { value: 1, priceYear: '2019-20' } }),
          ],
        }),
      ).map((i) => `${i.code} ${i.path}`),
    ).toEqual(['price_year outcomes[0].proxy.priceYear', 'price_year outcomes[1].proxy.priceYear']);
  });

  it('throws one SroiError listing every issue', () => {
    try {
      parseAnalysis({ name: 'x', outcomes: [outcome({ deadweight: 2, leakage: -1 })] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SroiError);
      const e = error as SroiError;
      expect(e.code).toBe('INVALID_ANALYSIS');
      expect(e.issues).toHaveLength(2);
      expect(e.message).toContain(
        'outcomes[0].deadweight: deadweight must be a fraction from 0 to 1, got 2 (write 2% or 0.02)',
      );
      expect(e.message).toContain(
        'outcomes[0].leakage: leakage must be a fraction from 0 to 1 (0% to 100%), got -1',
      );
    }
  });

  it('does not mutate its input', () => {
    const input = analysis({ outcomes: [outcome({ deadweight: '20%' })] });
    const before = structuredClone(input);
    parseAnalysis(input);
    expect(input).toEqual(before);
  });
});

describe('parseAnalysis (metadata and evidence)', () => {
  const described = {
    organisation: 'Friends of the Park',
    author: ' A. Analyst ',
    period: 'April 2023 – March 2024',
    kind: 'evaluative',
    description: 'A year of weekly visits',
    date: '2024-06-30',
  };
  const evidence = {
    quantity: 'Attendance register',
    duration: 'Follow-up at 12 months',
    deadweight: 'Comparison group',
    displacement: 'None found',
    attribution: 'Interviews',
    leakage: 'All local',
    dropOff: 'Survey at 24 months',
  };

  it('keeps the metadata and each outcome’s output and evidence, trimmed', () => {
    const parsed = parseAnalysis(
      analysis({ ...described, outcomes: [outcome({ output: '52 visits', evidence })] }),
    );
    expect(parsed).toMatchObject({ ...described, author: 'A. Analyst' });
    expect(parsed.outcomes[0]).toMatchObject({ output: '52 visits', evidence });
  });

  it('leaves out evidence that says nothing, and refuses an unknown kind or topic', () => {
    expect(parseAnalysis(analysis({ outcomes: [outcome({ evidence: { quantity: ' ' } })] })).outcomes[0])
      .not.toHaveProperty('evidence');
    expect(
      issuesOf(analysis({ kind: 'estimate', outcomes: [outcome({ evidence: { proxy: 'x' } })] })),
    ).toEqual([
      {
        code: 'invalid_value',
        path: 'kind',
        message: 'kind must be one of "forecast", "evaluative", got "estimate"',
      },
      {
        code: 'unknown_key',
        path: 'outcomes[0].evidence',
        message:
          'unknown field "proxy" (check the spelling; see the JSON Schema from `sroi schema`)',
      },
    ]);
  });

  it('changes no figure', () => {
    const plain = parseAnalysis(analysis({ discount: { rate: '3.5%' } }));
    const full = parseAnalysis(
      analysis({
        ...described,
        discount: { rate: '3.5%' },
        outcomes: [outcome({ output: '52 visits', evidence })],
      }),
    );
    expect(evaluateAnalysis(full)).toEqual(evaluateAnalysis(plain));
  });
});

describe('parseAnalysis (fractional durations)', () => {
  it.each([
    [2.5, 2.5],
    ['2.5', 2.5],
    [0.5, 0.5],
    ['3', 3],
    [1000, 1000],
  ])('reads a duration of %j as %d years', (duration, years) => {
    expect(parseAnalysis(analysis({ outcomes: [outcome({ duration })] })).outcomes[0]?.duration).toBe(
      years,
    );
  });

  it.each([
    [0, 'out_of_range', 'got 0'],
    [-1, 'out_of_range', 'got -1'],
    [1001, 'out_of_range', 'got 1001'],
    ['two', 'invalid_number', 'got "two": it is not a number'],
    ['50%', 'invalid_number', 'got "50%": a percentage is not years'],
  ])('refuses a duration of %j with the rule and the value', (duration, code, got) => {
    expect(issuesOf(analysis({ outcomes: [outcome({ duration })] }))).toMatchObject([
      {
        code,
        path: 'outcomes[0].duration',
        message: expect.stringContaining(
          `duration must be a number of years greater than 0 and at most 1000, ${got}`,
        ),
      },
    ]);
  });

  it('keeps start a whole year', () => {
    expect(issuesOf(analysis({ outcomes: [outcome({ start: 1.5 })] }))).toMatchObject([
      { code: 'not_whole_years', path: 'outcomes[0].start' },
    ]);
  });

  it('asks a profile for one quantity per valued year: ⌈duration⌉ of them', () => {
    // 2.5 years are valued in 3 years (the third counts half): 3 quantities, not 2.
    expect(
      issuesOf(analysis({ outcomes: [outcome({ duration: 2.5, quantityByYear: [3, 2] })] })),
    ).toEqual([
      {
        code: 'length_mismatch',
        path: 'outcomes[0].quantityByYear',
        message:
          'quantityByYear must give one quantity for each of the 3 valued years (duration 2.5, rounded up), got 2',
      },
    ]);
    expect(
      parseAnalysis(analysis({ outcomes: [outcome({ duration: 2.5, quantityByYear: [3, 2, 1] })] }))
        .outcomes[0]?.quantityByYear,
    ).toEqual(['3', '2', '1']);
  });
});

describe('parseAnalysis (stakeholders)', () => {
  it('refuses two stakeholders with one name, or one id', () => {
    expect(
      issuesOf(
        analysis({
          stakeholders: [
            { id: 'a', name: 'Carers' },
            { id: 'b', name: 'Carers' },
            { id: 'a', name: 'Parents' },
          ],
          outcomes: [outcome({ stakeholder: 'a' })],
        }),
      ).map((i) => `${i.code} ${i.path}: ${i.message}`),
    ).toEqual([
      'duplicate_name stakeholders[1].name: stakeholder name "Carers" is used twice (first at stakeholders[0]), so a reference to it would be ambiguous; give each group its own name',
      'duplicate_id stakeholders[2].id: stakeholder id "a" is used twice (first at stakeholders[0])',
    ]);
  });

  it('names a few of the stakeholders in a message, never every one', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ id: `s${i}` }));
    const outcomes = Array.from({ length: 10_000 }, () => outcome({ stakeholder: 'nobody' }));
    const parsed = safeParseAnalysis(analysis({ stakeholders: many, outcomes }));
    expect(parsed.issues[0]?.message).toBe(
      'stakeholder "nobody" is not in the stakeholders list (one of 10,000, e.g. "s0", "s1", "s2")',
    );
    // Every message is short, whatever the number of stakeholders.
    for (const issue of parsed.issues) expect(issue.message.length).toBeLessThan(200);
    expect(parsed.issues).toHaveLength(1001); // 10,000 issues: the first 1,000 and a count
  });

  it('lists the stakeholders when there are only a few', () => {
    expect(
      issuesOf(analysis({ stakeholders: [{ name: 'A' }, { name: 'B' }], outcomes: [outcome()] })),
    ).toEqual([
      {
        code: 'unknown_stakeholder',
        path: 'outcomes[0].stakeholder',
        message: 'stakeholder "Residents" is not in the stakeholders list (listed: "A", "B")',
      },
    ]);
  });
});

describe('safeParseAnalysis (hostile input)', () => {
  /** An object nested `depth` levels deep under `key`. */
  const deep = (depth: number, key = 'a'): unknown => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i += 1) value = { [key]: value };
    return value;
  };

  it('reports values nested 10,000 deep as issues, never a stack overflow', () => {
    expect(issuesOf(analysis({ name: deep(10_000) }))).toEqual([
      {
        code: 'invalid_type',
        path: 'name',
        message: `name must be text, got {"a":{"a":{"a":{"a":{…}}}}}`,
      },
    ]);
    const parsed = safeParseAnalysis(
      analysis({ outcomes: [outcome({ quantityByYear: deep(10_000), extra: deep(10_000) })] }),
    );
    expect(parsed.issues.map((i) => i.code)).toEqual(['unknown_key', 'invalid_type']);
  });

  it('reports a getter or a Proxy that throws as an issue at its path', () => {
    const getter = Object.defineProperty(outcome(), 'quantity', {
      enumerable: true,
      get() {
        throw new Error('no quantity');
      },
    });
    expect(issuesOf(analysis({ outcomes: [outcome(), getter] }))).toEqual([
      {
        code: 'unreadable',
        path: 'outcomes[1]',
        message:
          'this value could not be read: reading it threw "no quantity"; give plain data (as JSON.parse makes it)',
      },
    ]);
    const trap = new Proxy(analysis(), {
      get() {
        throw new TypeError('revoked');
      },
    });
    expect(issuesOf(trap).map((i) => `${i.code} ${i.path}`)).toEqual(['unreadable (root)']);
  });

  it('never throws, whatever it is given (property)', () => {
    const value = fc.anything({ withBigInt: true, withMap: true, withSet: true, withNullPrototype: true });
    const looksLike = fc.record(
      {
        name: value,
        outcomes: fc.oneof(value, fc.array(fc.dictionary(fc.constantFrom(...Object.keys(outcome()), 'id', 'x'), value))),
        stakeholders: value,
        discount: value,
        priceYear: value,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(value, looksLike), (input) => {
        const parsed = safeParseAnalysis(input);
        expect(parsed.success || parsed.issues.length > 0).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('reports hundreds of thousands of issues in one pass, counted exactly beyond the first 1,000', () => {
    // 300,000 outcomes with a bad deadweight: 300,000 issues, 1,000 listed and one counting 299,000.
    const outcomes = Array.from({ length: 300_000 }, () => outcome({ deadweight: 25 }));
    const parsed = safeParseAnalysis(analysis({ outcomes }));
    expect(parsed.issues).toHaveLength(1001);
    expect(parsed.issues[1000]?.message).toBe(
      'and 299,000 more problems, not listed (300,000 in all); fix these and read the file again to see the rest',
    );
  });
});
