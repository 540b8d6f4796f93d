import { describe, expect, it } from 'vitest';
import { SroiError } from '../../src/model/SroiError.js';
import { escapeHtml } from '../../src/report/escapeHtml.js';

describe('escapeHtml', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['"><img src=x onerror=alert(1)>', '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'],
    ["' onmouseover='alert(1)", '&#39; onmouseover=&#39;alert(1)'],
    ['Fish & Chips', 'Fish &amp; Chips'],
    ['&lt;already escaped&gt;', '&amp;lt;already escaped&amp;gt;'],
    ['Plain text, £1,000 — 25%', 'Plain text, £1,000 — 25%'],
  ])('escapes %j', (text, expected) => {
    expect(escapeHtml(text)).toBe(expected);
  });

  it('leaves no character that could open a tag or end an attribute', () => {
    const all = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)).join('');
    expect(escapeHtml(all)).not.toMatch(/[<>"']/);
  });

  it('escapes a million characters in time proportional to their length', () => {
    expect(escapeHtml('<'.repeat(1_000_000))).toBe('&lt;'.repeat(1_000_000));
  });

  it('throws SroiError for a value that is not text, instead of a TypeError', () => {
    expect(() => escapeHtml(undefined as never)).toThrow(SroiError);
    expect(() => escapeHtml(5 as never)).toThrow(
      'escapeHtml: text must be a string, got the number 5',
    );
  });
});
