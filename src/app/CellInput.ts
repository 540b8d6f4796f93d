/**
 * One editable field: a text box that writes what is typed into the document at once (so the
 * figures follow each keystroke) and shows the field's problems under it, tied to it for screen
 * readers (`aria-invalid`, `aria-describedby`). While the person types, the box keeps their text
 * exactly as typed; when the document's value changes under it (undo, redo), it shows that.
 */
import { Component, h } from 'preact';
import { shownValue, storedValue } from './fields.js';
import type { JsonValue } from './AnalysisDocument.js';
import type { FieldKind } from './fields.js';
import type { Issue } from '../model/SroiError.js';

export interface CellInputProps {
  readonly id: string;
  /** The accessible name (a table cell has no visible label of its own). */
  readonly label: string;
  /** Show `label` as a visible label above the box. */
  readonly visibleLabel?: boolean;
  readonly kind: FieldKind;
  readonly value: JsonValue | undefined;
  readonly placeholder?: string | undefined;
  readonly issues: readonly Issue[];
  readonly width: 'narrow' | 'medium' | 'wide';
  readonly onChange: (value: JsonValue | undefined) => void;
  readonly onDone: () => void;
  readonly onKeyDown?: (event: KeyboardEvent) => void;
}

interface CellInputState {
  readonly draft: string | undefined;
}

const NUMERIC: ReadonlySet<FieldKind> = new Set(['number', 'fraction', 'whole', 'priceYear']);

export class CellInput extends Component<CellInputProps, CellInputState> {
  override state: CellInputState = { draft: undefined };

  override shouldComponentUpdate(next: CellInputProps, state: CellInputState): boolean {
    const now = this.props;
    return (
      next.value !== now.value ||
      next.issues !== now.issues ||
      next.id !== now.id ||
      next.label !== now.label ||
      state.draft !== this.state.draft
    );
  }

  override render() {
    const { id, label, kind, value, issues, placeholder, width, visibleLabel } = this.props;
    const shown = shownValue(value);
    const draft = this.state.draft;
    // The typed text while it still means the document's value; the document's value otherwise.
    const text =
      draft !== undefined && shownValue(storedValue(kind, draft)) === shown ? draft : shown;
    const messageId = `${id}-problems`;
    const invalid = issues.length > 0;
    const input = h('input', {
      id,
      type: 'text',
      class: `cell cell-${width}`,
      value: text,
      spellcheck: kind === 'text',
      autocomplete: 'off',
      ...(NUMERIC.has(kind) ? { inputMode: 'decimal' as const } : {}),
      ...(placeholder === undefined ? {} : { placeholder }),
      ...(visibleLabel === true ? {} : { 'aria-label': label }),
      'aria-invalid': invalid ? 'true' : undefined,
      'aria-describedby': invalid ? messageId : undefined,
      onInput: (event: Event) => {
        const typed = (event.currentTarget as HTMLInputElement).value;
        this.setState({ draft: typed });
        this.props.onChange(storedValue(kind, typed));
      },
      onBlur: () => {
        this.setState({ draft: undefined });
        this.props.onDone();
      },
      onKeyDown: (event: KeyboardEvent) => this.props.onKeyDown?.(event),
    });
    return h(
      'div',
      { class: invalid ? 'field field-invalid' : 'field' },
      visibleLabel === true ? h('label', { htmlFor: id }, label) : null,
      input,
      invalid
        ? h(
            'ul',
            { id: messageId, class: 'field-problems' },
            issues.map((issue, index) => h('li', { key: index }, issue.message)),
          )
        : null,
    );
  }
}
