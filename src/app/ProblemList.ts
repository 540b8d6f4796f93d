/**
 * Every problem, one per line, with the CLI's message (`formatJsonIssue`: a problem found in an
 * analysis JSON file with its line and column), and for each one shown at a cell or a control a
 * button that takes the keyboard there.
 */
import { h } from 'preact';
import { formatJsonIssue } from '../json/formatJsonIssue.js';
import { focusPlace } from './focusSoon.js';
import { placeOf } from './issuePlaces.js';
import type { JsonIssue } from '../json/readJson.js';

/** The most problems listed; the rest are counted (they are all at their cells). */
const SHOWN = 200;

export interface ProblemListProps {
  readonly issues: readonly JsonIssue[];
  /** Locate each issue in the editor (false for a file's problems, which are not in it). */
  readonly inEditor: boolean;
}

export function ProblemList({ issues, inEditor }: ProblemListProps) {
  const more = issues.length - SHOWN;
  return h(
    'ol',
    { class: 'problems' },
    issues.slice(0, SHOWN).map((issue, index) => {
      const place = inEditor ? placeOf(issue.path) : undefined;
      return h(
        'li',
        { key: index },
        h('span', { class: 'problem-text' }, formatJsonIssue(issue)),
        place === undefined
          ? null
          : h(
              'button',
              {
                type: 'button',
                class: 'link',
                onClick: () => focusPlace(place),
                'aria-label': `Go to cell: ${formatJsonIssue(issue)}`,
              },
              'Go to cell',
            ),
      );
    }),
    more > 0 ? h('li', { class: 'hint' }, `… and ${more} more, each shown at its cell.`) : null,
  );
}
