/**
 * Moving the keyboard focus to an element once the next render has put it on the page, and to a
 * place of the editor (a cell, a row, a setting), whose table row is drawn first if it is not.
 */
import { placeId } from './issuePlaces.js';
import { revealRow } from './revealRow.js';
import type { Place } from './issuePlaces.js';

/** Moves the keyboard focus to an element once the next render has put it on the page. */
export function focusSoon(id: string): void {
  requestAnimationFrame(() => {
    const element = document.getElementById(id);
    if (element === null) return;
    if (
      !element.hasAttribute('tabindex') &&
      !/^(INPUT|BUTTON|SELECT|TEXTAREA|A)$/.test(element.tagName)
    ) {
      element.tabIndex = -1;
    }
    element.focus();
    element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  });
}

/** Moves the keyboard focus to the element that shows a place, drawing its row first. */
export function focusPlace(place: Place): void {
  if (place.kind === 'cell' || place.kind === 'row') revealRow(place.table, place.row);
  focusSoon(placeId(place));
}
