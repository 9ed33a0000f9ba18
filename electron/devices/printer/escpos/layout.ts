/**
 * Fitting a line to the paper's columns, for text bytes and raster cells alike (one cell per column): a
 * left part with an amount right-aligned after it, or centred text. Long text wraps at a space where it can;
 * the amount never gets cut — it moves to a line of its own when the text leaves it no room.
 */
export interface LineParts<T> {
  left: readonly T[];
  right: readonly T[];
  centered: boolean;
}

function wrap<T>(cells: readonly T[], columns: number, space: T): T[][] {
  const lines: T[][] = [];
  let rest = [...cells];
  while (rest.length > columns) {
    const breakAt = rest.lastIndexOf(space, columns);
    const cutAt = breakAt > 0 ? breakAt : columns;
    lines.push(rest.slice(0, cutAt));
    rest = rest.slice(breakAt > 0 ? cutAt + 1 : cutAt);
  }
  lines.push(rest);
  return lines;
}

function padTo<T>(cells: readonly T[], columns: number, space: T, where: 'end' | 'start' | 'both'): T[] {
  const gap = Math.max(0, columns - cells.length);
  const before = where === 'start' ? gap : where === 'both' ? Math.floor(gap / 2) : 0;
  return [...Array<T>(before).fill(space), ...cells, ...Array<T>(gap - before).fill(space)];
}

/** The physical lines, each exactly `columns` cells. */
export function layoutLine<T>(parts: LineParts<T>, columns: number, space: T): T[][] {
  if (parts.centered) {
    return wrap(parts.left, columns, space).map((line) => padTo(line, columns, space, 'both'));
  }
  const right = parts.right.slice(0, columns);
  const lines = wrap(parts.left, columns, space);
  const last = lines.pop() ?? [];
  const out = lines.map((line) => padTo(line, columns, space, 'end'));
  if (right.length === 0) {
    return [...out, padTo(last, columns, space, 'end')];
  }
  if (last.length + 1 + right.length <= columns) {
    return [...out, [...last, ...padTo(right, columns - last.length, space, 'start')]];
  }
  return [...out, padTo(last, columns, space, 'end'), padTo(right, columns, space, 'start')];
}
