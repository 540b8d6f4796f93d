/** A checkbox inside its label, which says what it switches on. */
import { h } from 'preact';

export interface CheckboxProps {
  readonly checked: boolean;
  readonly label: string;
  readonly onChange: (checked: boolean) => void;
}

export function Checkbox({ checked, label, onChange }: CheckboxProps) {
  return h(
    'label',
    null,
    h('input', {
      type: 'checkbox',
      checked,
      onChange: (event: Event) => onChange((event.currentTarget as HTMLInputElement).checked),
    }),
    ` ${label}`,
  );
}
