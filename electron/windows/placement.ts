/**
 * Where the customer display window goes. Pure (no electron) so the rules are unit-tested:
 *  - target 'auto': the first non-primary display, fullscreen
 *  - target <id>:   that display, fullscreen, when it exists and is not the cashier's primary screen
 *  - otherwise:     a normal window beside the cashier window (single-monitor tills, demos, missing screen)
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

export function placeDisplayWindow(options: {
  target: 'auto' | number;
  screens: readonly ScreenInfo[];
  primaryId: number;
  /** The cashier window's bounds, to open beside it when there is no second screen. */
  cashier: Rect;
}): DisplayPlacement {
  const { target, screens, primaryId, cashier } = options;
  const chosen =
    target === 'auto'
      ? screens.find((s) => s.id !== primaryId)
      : screens.find((s) => s.id === target && s.id !== primaryId);
  if (chosen) {
    return { kind: 'fullscreen', displayId: chosen.id, bounds: chosen.bounds };
  }
  const primary = screens.find((s) => s.id === primaryId) ?? screens[0];
  const area = primary?.workArea ?? { x: 0, y: 0, ...BESIDE_SIZE };
  const width = Math.min(BESIDE_SIZE.width, area.width);
  const height = Math.min(BESIDE_SIZE.height, area.height);
  // Right of the cashier window when it fits, else flush with the work area's right edge.
  const x = Math.min(cashier.x + cashier.width, area.x + area.width - width);
  const y = Math.max(area.y, Math.min(cashier.y, area.y + area.height - height));
  return { kind: 'beside', bounds: { x: Math.max(area.x, x), y, width, height } };
}
