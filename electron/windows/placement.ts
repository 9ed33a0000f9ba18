/**
 * Where the customer display window goes. Pure (no electron) so the rules are unit-tested:
 *  - target 'auto': the first screen that is not the one the cashier window is on, fullscreen
 *  - target <id>:   that screen, fullscreen, when it exists and is not the cashier's screen
 *  - otherwise:     a normal framed window beside the cashier window on the cashier's screen (one-screen tills,
 *                   demos, a customer screen that is unplugged or chosen wrongly)
 * "The cashier's screen" is the one the cashier window is on, not the primary: a till whose cashier window sits on
 * screen 2 must never get the customer display fullscreen over it.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ScreenInfo {
  id: number;
  bounds: Rect;
  workArea: Rect;
}

export type DisplayPlacement =
  { kind: 'fullscreen'; displayId: number; bounds: Rect } | { kind: 'beside'; bounds: Rect };

export const BESIDE_SIZE = { width: 800, height: 600 } as const;
/** Narrower than this beside the cashier window and the customer cannot read the total: overlap instead. */
export const BESIDE_MIN_WIDTH = 400;

function besideCashier(area: Rect, cashier: Rect): Rect {
  const height = Math.min(BESIDE_SIZE.height, area.height);
  const y = Math.max(area.y, Math.min(cashier.y, area.y + area.height - height));
  const right = area.x + area.width - (cashier.x + cashier.width);
  const left = cashier.x - area.x;
  if (right >= BESIDE_MIN_WIDTH) {
    const width = Math.min(BESIDE_SIZE.width, right);
    return { x: cashier.x + cashier.width, y, width, height };
  }
  if (left >= BESIDE_MIN_WIDTH) {
    const width = Math.min(BESIDE_SIZE.width, left);
    return { x: cashier.x - width, y, width, height };
  }
  // No room on either side (a maximised cashier window): flush with the work area's right edge. The window is an
  // ordinary one (not always on top), so the cashier window comes back to the front with a click.
  const width = Math.min(BESIDE_SIZE.width, area.width);
  return { x: area.x + area.width - width, y, width, height };
}

export function placeDisplayWindow(options: {
  target: 'auto' | number;
  screens: readonly ScreenInfo[];
  /** The screen the cashier window is on (Electron's `screen.getDisplayMatching(cashierBounds)`). */
  cashierScreenId: number;
  /** The cashier window's bounds, to open beside it when there is no other screen. */
  cashier: Rect;
}): DisplayPlacement {
  const { target, screens, cashierScreenId, cashier } = options;
  const chosen =
    target === 'auto'
      ? screens.find((s) => s.id !== cashierScreenId)
      : screens.find((s) => s.id === target && s.id !== cashierScreenId);
  if (chosen) {
    return { kind: 'fullscreen', displayId: chosen.id, bounds: { ...chosen.bounds } };
  }
  const home = screens.find((s) => s.id === cashierScreenId) ?? screens[0];
  const area = home?.workArea ?? { x: 0, y: 0, ...BESIDE_SIZE };
  return { kind: 'beside', bounds: besideCashier(area, cashier) };
}

const sameRect = (a: Rect, b: Rect): boolean =>
  a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/**
 * True when moving from `a` to `b` changes nothing a customer would see. Metrics events (a taskbar that hides, a DPI
 * change on the cashier's screen) and settings saves that leave the placement as it was must not touch the window:
 * every fullscreen toggle flickers, and on macOS the bounds set in between are lost.
 */
export function samePlacement(a: DisplayPlacement, b: DisplayPlacement): boolean {
  if (a.kind !== b.kind || !sameRect(a.bounds, b.bounds)) {
    return false;
  }
  return a.kind === 'beside' || (b.kind === 'fullscreen' && a.displayId === b.displayId);
}
