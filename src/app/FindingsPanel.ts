/**
 * The findings of the assurance-readiness review (`checkAnalysis`, docs/check.md): what an
 * assurer would question in the map, most serious first, each with its severity, its code, the
 * outcome it is about (a link to that row of the editor), its message and the principle of social
 * value it serves — the findings `sroi check` prints. They follow the map: worked out in the
 * background a moment after each change (the switching values and, with an uncertainty section,
 * a Monte Carlo run are part of them), and marked while they are being brought up to date.
 */
import { h } from 'preact';
import { capitalise } from '../report/_reportFormat.js';
import { focusPlace } from './focusSoon.js';
import type { Worked } from './workerProtocol.js';
import type { Outcome } from '../model/analysis.js';
import type { CheckResult } from '../review/checkAnalysis.js';

export interface FindingsPanelProps {
  /** The findings of the last review; `undefined` before the first. */
  readonly check: Worked<CheckResult> | undefined;
  /** The outcomes of the analysis that review was of, in their rows' order. */
  readonly outcomes: readonly Outcome[];
  /** Whether that review is of the map as it is now. */
  readonly current: boolean;
  /** Why there can be no findings now (the map has problems); `undefined` when there can. */
  readonly blocked: string | undefined;
}

const SEVERITY: Readonly<Record<string, string>> = { high: 'High', medium: 'Medium', low: 'Low' };

export function FindingsPanel({ check, outcomes, current, blocked }: FindingsPanelProps) {
  const status =
    blocked ??
    (check === undefined
      ? 'Working out the findings…'
      : !check.ok
        ? `No findings: ${check.message}`
        : `${current ? '' : 'Updating… '}${count(check.value.findings.length)}${current ? '' : ' (for the map as it was a moment ago)'}.`);
  return h(
    'section',
    { id: 'findings', class: 'panel', 'aria-labelledby': 'findings-heading' },
    h('h2', { id: 'findings-heading' }, 'Findings'),
    h(
      'p',
      { class: 'hint' },
      'What an assurer working to the principles of social value would question in this map, most serious first: the findings of sroi check. They are advice, and change no figure. They follow your edits a moment after you stop typing.',
    ),
    h(
      'p',
      { class: blocked === undefined ? 'task-status' : 'task-status stale', role: 'status' },
      status,
    ),
    blocked === undefined && check?.ok === true && check.value.findings.length > 0
      ? h(FindingsTable, { check: check.value, outcomes, current })
      : null,
  );
}

function count(n: number): string {
  return n === 0 ? 'Nothing to question' : `${n} finding${n === 1 ? '' : 's'}`;
}

function FindingsTable({
  check,
  outcomes,
  current,
}: {
  readonly check: CheckResult;
  readonly outcomes: readonly Outcome[];
  readonly current: boolean;
}) {
  const rows = new Map(outcomes.map((o, i) => [o.id, i]));
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: `figures-table findings${current ? '' : ' is-stale'}` },
      h('caption', { class: 'visually-hidden' }, 'Findings, most serious first'),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['Severity', 'Outcome', 'Finding', 'Principle'].map((label) =>
            h('th', { key: label, scope: 'col' }, label),
          ),
        ),
      ),
      h(
        'tbody',
        null,
        check.findings.map((finding, i) => {
          const row = finding.outcome === undefined ? undefined : rows.get(finding.outcome);
          const name = row === undefined ? undefined : outcomes[row]?.outcome;
          return h(
            'tr',
            { key: i, 'data-finding': finding.code },
            h('td', { class: `severity severity-${finding.severity}` }, SEVERITY[finding.severity]),
            h(
              'td',
              null,
              row === undefined
                ? finding.outcome === undefined
                  ? 'the whole analysis'
                  : finding.outcome
                : h(
                    'button',
                    {
                      type: 'button',
                      class: 'link',
                      onClick: () => focusPlace({ kind: 'row', table: 'outcomes', row }),
                    },
                    `${row + 1}. ${name ?? finding.outcome}`,
                    h('span', { class: 'visually-hidden' }, ' (go to its row)'),
                  ),
            ),
            h(
              'td',
              null,
              `${capitalise(finding.message)}.`,
              h('span', { class: 'note' }, finding.code),
            ),
            h('td', null, finding.principle),
          );
        }),
      ),
    ),
  );
}
