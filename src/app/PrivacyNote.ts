/**
 * The line that says where the data is: on this computer only. The page cannot send anything
 * (its security policy forbids every request), and the only copy it keeps is in this browser's
 * storage, which the person can switch off and clear here.
 */
import { h } from 'preact';
import { Checkbox } from './Checkbox.js';

export interface PrivacyNoteProps {
  readonly keeping: boolean;
  /** What happened to the last autosave, for people. */
  readonly status: string;
  readonly onKeeping: (keeping: boolean) => void;
  readonly onClear: () => void;
}

export function PrivacyNote({ keeping, status, onKeeping, onClear }: PrivacyNoteProps) {
  return h(
    'aside',
    { class: 'privacy', 'aria-labelledby': 'privacy-heading' },
    h('h2', { id: 'privacy-heading', class: 'visually-hidden' }, 'Your data'),
    h(
      'p',
      null,
      h('strong', null, 'Your data never leaves this computer. '),
      'This page works offline and cannot send anything anywhere; files you open are read here, in your browser.',
    ),
    h(
      'p',
      { class: 'privacy-controls' },
      h(Checkbox, {
        checked: keeping,
        label: 'Keep a copy of my work in this browser',
        onChange: onKeeping,
      }),
      h(
        'button',
        { type: 'button', class: 'link', onClick: onClear },
        'Clear the copy kept in this browser',
      ),
      h('span', { class: 'hint', role: 'status' }, status),
    ),
  );
}
