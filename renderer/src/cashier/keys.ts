/**
 * Global function keys for the cashier page. One window-level keydown listener per active screen; F-keys the
 * browser would use (F3 find, F5 reload, F12 devtools…) are taken by the till while a screen listens.
 */
import { useEffect, useRef } from 'react';

export type KeyMap = Partial<Record<string, (event: KeyboardEvent) => void>>;

/** The name a key map uses: 'F5', 'Delete', 'Escape', 'ArrowUp', 'Ctrl+Delete' … */
export function keyName(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey'>): string {
  return `${event.ctrlKey ? 'Ctrl+' : ''}${event.altKey ? 'Alt+' : ''}${event.key}`;
}

/** Listen while `active`; the latest map is used without re-subscribing. */
export function useKeys(map: KeyMap, active: boolean): void {
  const ref = useRef(map);
  useEffect(() => {
    ref.current = map;
  });
  useEffect(() => {
    if (!active) {
      return undefined;
    }
    const onKey = (event: KeyboardEvent): void => {
      const handler = ref.current[keyName(event)];
      if (handler) {
        event.preventDefault();
        handler(event);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [active]);
}
