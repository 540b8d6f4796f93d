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
