/**
 * Moving the keyboard focus to an element once the next render has put it on the page, and to a
 * place of the editor (a cell, a row, a setting): at once when it is drawn, else once its table
 * has drawn its row.
 */
import { placeId } from './issuePlaces.js';
import { revealRow } from './revealRow.js';
import type { Place } from './issuePlaces.js';

function focusElement(element: HTMLElement): void {
  if (
    !element.hasAttribute('tabindex') &&
    !/^(INPUT|BUTTON|SELECT|TEXTAREA|A)$/.test(element.tagName)
  ) {
    element.tabIndex = -1;
  }
  element.focus();
  element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

/** Moves the keyboard focus to an element once the next render has put it on the page. */
export function focusSoon(id: string): void {
  requestAnimationFrame(() => {
    const element = document.getElementById(id);
    if (element !== null) focusElement(element);
  });
}

/**
 * Moves the keyboard focus to the element that shows a place: at once when it is on the page
 * (so that keys pressed quickly one after another each move on from where the last one went),
 * else after its table has drawn its row.
 */
export function focusPlace(place: Place): void {
  const id = placeId(place);
  const element = document.getElementById(id);
  if (element !== null) {
    focusElement(element);
    return;
  }
  if (place.kind === 'cell' || place.kind === 'row') revealRow(place.table, place.row);
  focusSoon(id);
}
