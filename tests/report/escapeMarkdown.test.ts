import { describe, expect, it } from 'vitest';
import { SroiError } from '../../src/model/SroiError.js';
import { escapeMarkdown } from '../../src/report/escapeMarkdown.js';

describe('escapeMarkdown', () => {
  it.each([
    ['[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
    ['![img](http://evil.example/x.png)', '\\!\\[img\\](http://evil.example/x.png)'],
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['<https://evil.example>', '\\<https://evil.example\\>'],
    ['a | b', 'a \\| b'],
    ['*bold* _it_ ~~gone~~ `code`', '\\*bold\\* \\_it\\_ \\~\\~gone\\~\\~ \\`code\\`'],
    ['&lt;b&gt;', '\\&lt;b\\&gt;'],
    ['# Heading', '\\# Heading'],
    ['back\\slash', 'back\\\\slash'],
    ['$x$', '\\$x\\$'],
    ['- list item', '\\- list item'],
    ['---', '\\---'],
    ['1. first', '1\\. first'],
    ['line one\nline two\r\n\r\nthree', 'line one line two three'],
    ['    indented', 'indented'],
  ])('escapes %j', (text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected);
  });

  it.each([['-£39,802.19'], ['2.50 : 1'], ['Curtis (2013) Unit Costs, p.191'], ['25%']])(
    'leaves %j as it is',
    (text) => {
      expect(escapeMarkdown(text)).toBe(text);
    },
  );

  it.each([
    // Runs of spaces once took time quadratic in their length (56 s for one long name).
    ['spaces', `a${' '.repeat(1_000_000)}b`, `a${' '.repeat(1_000_000)}b`],
    ['spaces before a line break', `a${' '.repeat(1_000_000)}\nb`, 'a b'],
    ['line breaks and spaces', ' \n'.repeat(500_000), ''],
    ['digits', `${'1'.repeat(1_000_000)}x`, `${'1'.repeat(1_000_000)}x`],
    ['markup', '*'.repeat(1_000_000), '\\*'.repeat(1_000_000)],
  ])(
    'escapes a million characters of %s in time proportional to their length',
    (_, text, expected) => {
      expect(escapeMarkdown(text)).toBe(expected);
    },
  );

  it.each([[undefined], [42], [null], [['a']]])(
    'throws SroiError for %j, which is not text',
    (value) => {
      expect(() => escapeMarkdown(value as never)).toThrow(SroiError);
      expect(() => escapeMarkdown(value as never)).toThrow(
        /^escapeMarkdown: text must be a string, got /,
      );
    },
  );
});
