/**
 * Test-only: pick an option of a React-controlled select the way a browser does — set its value, then a
 * `change` event (React's onChange for a select listens to `change`).
 */
export function chooseOption(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}
