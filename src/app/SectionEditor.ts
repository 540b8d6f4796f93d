/**
 * A section of the analysis edited as its JSON (`scenarios`, `uncertainty`; their form is in
 * docs/sensitivity.md): a text box and a button that puts it into the map. Text that is not JSON,
 * or gives a key twice, is refused with `readJson`'s message at its line and column; what the
 * section says is checked by the library when it is used, and each problem is listed under the
 * box.
 */
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { sectionEditorId } from './issuePlaces.js';
import type { JsonValue } from './AnalysisDocument.js';
import type { WorkspaceAction } from './workspace.js';
import type { Issue } from '../model/SroiError.js';
import { formatIssue } from '../model/formatIssue.js';
import { readJson } from '../json/readJson.js';

export interface SectionEditorProps {
  readonly section: 'scenarios' | 'uncertainty';
  readonly label: string;
  readonly value: JsonValue | undefined;
  /** What the box holds when the map has no such section. */
  readonly template: JsonValue;
  readonly issues: readonly Issue[];
  readonly dispatch: (action: WorkspaceAction) => void;
}

const text = (value: JsonValue) => JSON.stringify(value, null, 2);

export function SectionEditor(props: SectionEditorProps) {
  const { section, label, value, template, issues, dispatch } = props;
  const saved = value === undefined ? text(template) : text(value);
  const [draft, setDraft] = useState<{ readonly from: string; readonly text: string } | undefined>(
    undefined,
  );
  const [error, setError] = useState<string | undefined>(undefined);
  // A draft typed over an older value of the section (before an undo) gives way to the new one.
  const shown = draft !== undefined && draft.from === saved ? draft.text : saved;
  const id = sectionEditorId(section);
  const problemsId = `${id}-problems`;
  const problems = [...(error === undefined ? [] : [error]), ...issues.map(formatIssue)];
  const apply = () => {
    // Read as an analysis file is read: a syntax error or a key given twice at its line and column.
    const read = readJson(shown);
    const [first] = read.issues;
    if (first !== undefined) {
      const at =
        first.location === undefined
          ? ''
          : `line ${first.location.line}, column ${first.location.column}: `;
      setError(`${at}${first.message}`);
      return;
    }
    setError(undefined);
    setDraft(undefined);
    dispatch({ type: 'edit', path: [section], value: read.value as JsonValue });
  };
  return h(
    'div',
    { class: problems.length > 0 ? 'section-editor field-invalid' : 'section-editor' },
    h('label', { htmlFor: id }, label),
    h('textarea', {
      id,
      rows: 10,
      spellcheck: false,
      value: shown,
      'aria-invalid': problems.length > 0 ? 'true' : undefined,
      'aria-describedby': problems.length > 0 ? problemsId : undefined,
      onInput: (event: Event) =>
        setDraft({ from: saved, text: (event.currentTarget as HTMLTextAreaElement).value }),
    }),
    h(
      'p',
      { class: 'table-actions' },
      h(
        'button',
        { type: 'button', onClick: apply },
        value === undefined
          ? `Add this ${section} section to the map`
          : `Apply the ${section} section`,
      ),
      value === undefined
        ? null
        : h(
            'button',
            {
              type: 'button',
              onClick: () => dispatch({ type: 'edit', path: [section], value: undefined }),
            },
            `Remove the ${section} section`,
          ),
    ),
    problems.length === 0
      ? null
      : h(
          'ul',
          { id: problemsId, class: 'field-problems' },
          problems.map((p, i) => h('li', { key: i }, p)),
        ),
  );
}
