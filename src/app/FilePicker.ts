/**
 * Choosing files: a labelled file picker that takes several files at once, the same by dropping
 * files on a box, and the files' bytes read for `openFiles`. The Open panel and the comparison
 * with a previous version both take files this way.
 */
import { h } from 'preact';
import type { FileToOpen } from './openFiles.js';

/** The kinds of file the pickers offer (the app tells them apart by name and header). */
const ACCEPT = '.json,.csv,.tsv,.txt,application/json,text/csv';

export interface FilePickerProps {
  readonly id: string;
  readonly label: string;
  readonly onFiles: (files: readonly File[]) => void;
}

export function FilePicker({ id, label, onFiles }: FilePickerProps) {
  return h(
    'div',
    { class: 'field' },
    h('label', { htmlFor: id }, label),
    h('input', {
      id,
      type: 'file',
      multiple: true,
      accept: ACCEPT,
      onChange: (event: Event) => {
        const input = event.currentTarget as HTMLInputElement;
        if (input.files !== null && input.files.length > 0) onFiles(Array.from(input.files));
        input.value = '';
      },
    }),
  );
}

/** The event handlers that make an element a drop box for files. */
export function dropBox(
  onFiles: (files: readonly File[]) => void,
  onDragging: (on: boolean) => void,
) {
  return {
    onDragOver: (event: DragEvent) => {
      event.preventDefault();
      if (event.dataTransfer !== null) event.dataTransfer.dropEffect = 'copy';
      onDragging(true);
    },
    onDragLeave: () => onDragging(false),
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      onDragging(false);
      const files = event.dataTransfer?.files;
      if (files !== undefined && files.length > 0) onFiles(Array.from(files));
    },
  };
}

/** The names and bytes of files the person chose. */
export function readChosenFiles(files: readonly File[]): Promise<FileToOpen[]> {
  return Promise.all(
    files.map(async (file) => ({
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  );
}
