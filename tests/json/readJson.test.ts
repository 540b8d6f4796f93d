import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonical } from '../../src/json/_parseJson.js';
import { maxJsonDepth, readJson } from '../../src/json/readJson.js';
import type { Issue } from '../../src/model/SroiError.js';

/** Each issue as `line:column path message`, for comparing in one line. */
const located = (text: string) =>
  readJson(text).issues.map((i) => `${i.location?.line}:${i.location?.column} ${i.message}`);

describe('readJson', () => {
  it('gives what JSON.parse gives for any JSON value, however it is laid out', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const read = readJson(text);
        expect(read.issues).toEqual([]);
        expect(read.value).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('reads text JSON.parse reads, escapes and white space included', () => {
    const text = ' \r\n\t{ "a\\u00e9\\n\\"\\\\\\/\\b\\f\\r\\t": [ true , false,null, -0.5e+2 ] } ';
    expect(readJson(text).value).toEqual(JSON.parse(text));
  });

  it('skips a byte-order mark and does not count it as a column', () => {
    const read = readJson('\uFEFF{"a": 1,}');
    // Without the mark the text is {"a": 1,} and the "}" is its 9th character.
    expect(read.issues.map((i) => i.location)).toEqual([{ line: 1, column: 9 }]);
  });

  it.each([
    // Positions counted by hand: line, then column (1-based) of the character named.
    [
      '{\n  "name": "x",\n}',
      '3:1 expected another field after the comma (JSON allows no comma before "}"), got "}"',
    ],
    [
      '[1, 2,]',
      '1:7 expected another item after the comma (JSON allows no comma before "]"), got "]"',
    ],
    ['{"a" 1}', '1:6 expected ":" after the field name, got "1"'],
    ['{"a": 1 "b": 2}', '1:9 expected "," or "}" after a field, got "\\""'],
    ['[1 2]', '1:4 expected "," or "]" after a list item, got "2"'],
    [
      "{'a': 1}",
      `1:2 expected a field name in double quotes, got "'" (JSON text is in double quotes, not single)`,
    ],
    [
      '{a: 1}',
      '1:2 expected a field name in double quotes, got "a" (text must be in double quotes)',
    ],
    [
      '[NaN]',
      '1:2 expected a value (text in double quotes, a number, true, false, null, { or [), got "NaN" (JSON has no NaN or Infinity)',
    ],
    [
      '{"a": 1} // note',
      '1:10 "/" after the end of the JSON value: a file holds one value (a missing "," or "["?)',
    ],
    [
      '[1, // note\n2]',
      '1:5 expected a value (text in double quotes, a number, true, false, null, { or [), got "/" (JSON has no comments)',
    ],
    [
      '{"a": "one\ntwo"}',
      '1:11 a line break inside text in double quotes (write it as \\n, or close the quote)',
    ],
    [
      '["tab\there"]',
      '1:6 a control character (U+0009) inside text in double quotes (write it as \\u0009)',
    ],
    ['{"a": "open', '1:7 text in double quotes that starts here is never closed (a missing ")'],
    [
      '["\\x41"]',
      '1:3 "\\x" is not an escape JSON knows: use \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX (a backslash itself is written \\\\)',
    ],
    ['["\\u12"]', '1:3 \\u must be followed by four hexadecimal digits, as in \\u00e9'],
    ['[007]', '1:2 a number must not start with 0 (write 7, not 07; or put it in double quotes)'],
    ['[1.]', '1:4 expected a digit after the decimal point, got "]"'],
    ['[-]', '1:3 expected a digit after "-", got "]"'],
    ['[1e]', '1:4 expected a digit in the exponent, got "]"'],
    [
      '{"a": tru}',
      '1:7 expected a value (text in double quotes, a number, true, false, null, { or [), got "tru" (text must be in double quotes)',
    ],
    [
      '',
      '1:1 expected a value (text in double quotes, a number, true, false, null, { or [), got the end of the file',
    ],
    ['{"a": [1,\r\n2,\r3', '3:2 expected "," or "]" after a list item, got the end of the file'],
  ])('locates the syntax error in %j', (text, expected) => {
    const read = readJson(text);
    expect(read.ok).toBe(false);
    expect(read.value).toBeUndefined();
    expect(located(text)).toEqual([expected]);
  });

  it('names the path of the value being read when the syntax breaks', () => {
    const read = readJson('{"outcomes": [{"proxy": {"value": 1,}}]}');
    expect(read.issues[0]?.path).toEqual(['outcomes', 0, 'proxy']);
  });

  it('reports a key given twice, keeps the first value, and locates the second key', () => {
    const read = readJson('{\n  "name": "first",\n  "name": "second"\n}', { file: 'a.json' });
    expect(read.ok).toBe(true);
    expect(read.value).toEqual({ name: 'first' });
    expect(read.issues).toEqual([
      {
        code: 'duplicate_id',
        message:
          'the field "name" is given twice in one object; give it once (sroi reads the first and reports the second)',
        path: ['name'],
        received: 'name',
        location: { file: 'a.json', line: 3, column: 3 },
      },
    ]);
  });

  it('reads number literals a double holds as numbers, and the others as their exact text', () => {
    const read = readJson(
      '[0.1, 1.0, 1E2, -0.0120, 5e-324, 123456789012345, 12345678901234567890.12, 9007199254740993, 0.1000000000000000055511151231257827]',
    );
    expect(read.issues).toEqual([]);
    expect(read.value).toEqual([
      0.1,
      1,
      100,
      -0.012,
      5e-324,
      123456789012345,
      // 20 significant digits: a double would give 12345678901234567000.
      '12345678901234567890.12',
      // 2^53 + 1: the nearest double is 2^53.
      '9007199254740993',
      // The exact value of the double nearest 0.1, which prints as "0.1": not the same number.
      '0.1000000000000000055511151231257827',
    ]);
  });

  it('reports numbers beyond the range of a double instead of reading Infinity or 0', () => {
    const text = '{"big": 1e400, "small": -1e-400, "zero": 0e-400}';
    const read = readJson(text);
    expect(read.value).toEqual({ big: '1e400', small: '-1e-400', zero: 0 });
    expect(read.issues.map((i) => [i.path, i.code, i.message, i.location?.column])).toEqual([
      [
        ['big'],
        'out_of_range',
        'the number 1e400 is out of range: above 1.8e308, the largest a JSON number can be',
        text.indexOf('1e400') + 1,
      ],
      [
        ['small'],
        'out_of_range',
        'the number -1e-400 is out of range: below 5e-324, so it would read as 0',
        text.indexOf('-1e-400') + 1,
      ],
    ]);
  });

  it('shortens a long number literal in its message', () => {
    const literal = `1${'0'.repeat(400)}`;
    const [issue] = readJson(`[${literal}]`).issues;
    expect(issue?.message).toBe(
      `the number 1${'0'.repeat(39)}… (401 characters) is out of range: above 1.8e308, the largest a JSON number can be`,
    );
  });

  it(`reads ${maxJsonDepth} levels and reports the next, without overflowing the stack`, () => {
    const deepest = `${'['.repeat(maxJsonDepth)}${']'.repeat(maxJsonDepth)}`;
    expect(readJson(deepest).ok).toBe(true);
    for (const depth of [maxJsonDepth + 1, 100_000]) {
      const read = readJson(`${'['.repeat(depth)}${']'.repeat(depth)}`);
      expect(read.ok).toBe(false);
      expect(read.issues.map((i) => [i.code, i.location?.column, i.message])).toEqual([
        [
          'out_of_range',
          maxJsonDepth + 1,
          `nested more than ${maxJsonDepth} levels deep: sroi reads JSON nested at most ${maxJsonDepth} levels`,
        ],
      ]);
    }
    expect(readJson('[[[1]]]', { maxDepth: 2 }).ok).toBe(false);
  });

  it('reads "__proto__" and "constructor" as ordinary keys', () => {
    const read = readJson('{"__proto__": {"polluted": true}, "constructor": 1, "toString": 2}');
    const value = read.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(readJson('{"__proto__": 1, "__proto__": 2}').issues).toHaveLength(1);
  });

  it('reads a million-character string and a long list in time proportional to their length', () => {
    const long = 'x'.repeat(1_000_000);
    expect(readJson(JSON.stringify([long, `${long}\n`])).value).toEqual([long, `${long}\n`]);
    const list = Array.from({ length: 200_000 }, (_, i) => i);
    expect(readJson(JSON.stringify(list)).value).toEqual(list);
  });
});

describe('readJson locate', () => {
  const text = '{\n  "outcomes": [\n    { "x": 1 },\n    { "deadweight": 25 }\n  ]\n}';
  const issue = (path: (string | number)[], fields: Partial<Issue> = {}): Issue => ({
    code: 'invalid_value',
    message: 'm',
    path,
    ...fields,
  });

  it('gives each issue the line and column of its value, or of the nearest value that is there', () => {
    const read = readJson(text, { file: 'a.json' });
    const found = read.locate([
      issue(['outcomes', 1, 'deadweight']),
      issue(['outcomes', 0, 'proxy', 'value']),
      issue([]),
    ]);
    // Counted by hand: 25 is on line 4 at column 21; outcomes[0] opens at line 3, column 5.
    expect(found.map((i) => i.location)).toEqual([
      { file: 'a.json', line: 4, column: 21 },
      { file: 'a.json', line: 3, column: 5 },
      { file: 'a.json', line: 1, column: 1 },
    ]);
  });

  it('leaves an issue that names its own file (a CSV cell) as it is', () => {
    const csv = issue(['outcomes', 0, 'quantity'], {
      file: 'outcomes.csv',
      line: 2,
      column: 'quantity',
    });
    expect(readJson(text).locate([csv])).toEqual([csv]);
  });

  it('puts the text own issues first and drops a validation issue at the same path', () => {
    const read = readJson('{"quantity": 1e400, "name": 1}');
    const all = read.withIssues([issue(['quantity'], { message: 'too large' }), issue(['name'])]);
    expect(all.map((i) => [i.path, i.message.slice(0, 20), i.location?.column])).toEqual([
      [['quantity'], 'the number 1e400 is ', 14],
      [['name'], 'm', 29],
    ]);
  });
});

describe('canonical', () => {
  it.each([
    ['0.0120', '12e-1'],
    ['-12.5e3', '-125e5'],
    ['1e+21', '1e22'],
    ['100', '1e3'],
    ['0.000', '0'],
    ['-0', '0'],
    ['1.2345e-7', '12345e-6'],
  ])('writes %s as %s', (literal, expected) => {
    expect(canonical(literal)).toBe(expected);
  });
});
