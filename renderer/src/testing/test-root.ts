/** Test-only: a DOM container with a React root for one test, and its removal after it. */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';

export function mountTestRoot(): { container: HTMLDivElement; root: Root } {
  const container = document.createElement('div');
  document.body.append(container);
  return { container, root: createRoot(container) };
}

export function unmountTestRoot(root: Root, container: HTMLElement): void {
  act(() => {
    root.unmount();
  });
  container.remove();
}
