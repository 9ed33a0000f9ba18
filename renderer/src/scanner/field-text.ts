/**
 * Undoing what the keyboard-wedge decoder could not stop in time (docs/devices.md, "Keyboard wedge"): the first
 * keys of a scan reach the focused field before the burst is recognised, and keys held back as a possible scan
 * can turn out to be typing. Both are edits at the caret of the field that has the focus, made with
 * `setRangeText` and announced with the `input` event the browser itself would fire, so the field's owner (a
 * React onChange, a store) sees an ordinary edit. Nothing here types keys or submits anything.
 */
type TextField = HTMLInputElement | HTMLTextAreaElement;

/** The focused field that holds editable text at a caret, if any. */
function focusedTextField(doc: Document): TextField | undefined {
  const field = doc.activeElement;
  if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) {
    return undefined;
  }
  // Checkboxes, numbers, dates … have no caret to edit at.
  return field.selectionStart === null || field.readOnly || field.disabled ? undefined : field;
}

function edit(field: TextField, start: number, end: number, text: string, inputType: string): void {
  field.setRangeText(text, start, end, 'end');
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType, data: text === '' ? null : text }));
}

/** Removes `text` from just before the caret of the focused field, if that is where it is. */
export function takeBackTyped(text: string, doc: Document = document): void {
  const field = focusedTextField(doc);
  if (text === '' || field === undefined) {
    return;
  }
  const caret = field.selectionStart ?? 0;
  const start = caret - text.length;
  if (start >= 0 && field.value.slice(start, caret) === text) {
    edit(field, start, caret, '', 'deleteContentBackward');
  }
}

/** Inserts `text` at the caret of the focused field (replacing a selection, as typing does). */
export function giveBackTyped(text: string, doc: Document = document): void {
  const field = focusedTextField(doc);
  if (text === '' || field === undefined) {
    return;
  }
  edit(field, field.selectionStart ?? 0, field.selectionEnd ?? field.selectionStart ?? 0, text, 'insertText');
}
