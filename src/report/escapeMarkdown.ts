import { textArgument } from '../model/_arguments.js';

/**
 * Escapes text for Markdown (CommonMark and GitHub Flavored Markdown), in a paragraph, a heading
 * or a table cell. Every character that can start markup is backslash-escaped — emphasis
 * (`*`, `_`, `~`), links and images (`[`, `]`, `!`), code (`` ` ``), raw HTML, autolinks and
 * entities (`<`, `>`, `&`), headings (`#`), table cells (`|`), math (`$`) and the backslash itself
 * — and line breaks become spaces, so text from a user's files can neither add markup, links or
 * script nor break a table row. At the start of the text, list and heading markers (`-`, `+`, `=`,
`1.`, `1)`) are escaped and leading spaces dropped, so a name cannot become a list, a heading
underline or a code block. Parentheses are left alone: with `[` and `]` escaped they cannot
 * form a link, and reports are full of them.
 *
 * @example
 * escapeMarkdown('[x](javascript:alert(1)) | <b>');
 * //=> '\\[x\\](javascript:alert(1)) \\| \\<b\\>'
 */
export function escapeMarkdown(text: string): string {
  textArgument('escapeMarkdown', text);
  return (
    text
      // A run of white space that holds a line break becomes one space. Each run is matched once
      // and tested in a callback: a pattern with white space on both sides of the break
      // rescanned long runs of spaces from every position (quadratic time on a long name).
      .replace(/\s+/g, (run) => (/[\r\n]/.test(run) ? ' ' : run))
      .trim()
      .replace(/[\\`*_~[\]!<>&#|$]/g, '\\$&')
      .replace(/^[-+](?=\s|-|$)/, '\\$&')
      .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
  );
}
