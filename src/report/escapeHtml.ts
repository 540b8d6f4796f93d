import { textArgument } from '../model/_arguments.js';

/**
 * Escapes text for HTML and SVG, in element content and in quoted attribute values: `&`, `<`,
 * `>`, `"` and `'` become character references. Every piece of text from a user's files passes
 * through this before it reaches an HTML report, so a stakeholder named
 * `<script>alert(1)</script>` is shown as written and never runs.
 *
 * @example
 * escapeHtml('"><img src=x onerror=alert(1)>');
 * //=> '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'
 */
export function escapeHtml(text: string): string {
  return textArgument('escapeHtml', text).replace(/[&<>"']/g, (char) => ENTITIES.get(char) ?? char);
}

const ENTITIES = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&#39;'],
]);
