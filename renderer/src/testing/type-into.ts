/**
 * Test-only: type into a React-controlled input the way a browser does — the native value setter, then an
 * `input` event. React tracks the value through the instance's own setter; the prototype's setter bypasses that
 * tracking, as real typing does, so React sees a change.
 */
export function typeInto(input: HTMLInputElement, text: string): void {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(input) right below
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  setter?.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
