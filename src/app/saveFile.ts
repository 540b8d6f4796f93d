/**
 * Saving a file the app made: the browser's own download, from a Blob URL made on this page
 * (nothing is uploaded anywhere), and printing the HTML report with its own print styles.
 */

/** Hands a file's contents (text, saved as UTF-8, or bytes) to the browser as a download. */
export function saveFile(name: string, type: string, contents: string | Uint8Array): void {
  const blob =
    typeof contents === 'string'
      ? new Blob([contents], { type: `${type};charset=utf-8` })
      : // The bytes of a file the app made: never a SharedArrayBuffer's.
        new Blob([contents as Uint8Array<ArrayBuffer>], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it starts; the URL is released after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Opens the browser's print dialog on the HTML report (where "Save as PDF" is one of the
 * printers), in a frame of its own so that the report prints with its own A4 print styles and
 * not the app's. The frame stays, hidden, until the next print.
 */
export function printReport(html: string): void {
  document.getElementById('print-frame')?.remove();
  const frame = document.createElement('iframe');
  frame.id = 'print-frame';
  frame.title = 'The report, for printing';
  frame.className = 'print-frame';
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  frame.addEventListener('load', () => frame.contentWindow?.print(), { once: true });
  frame.srcdoc = html;
  document.body.append(frame);
}
