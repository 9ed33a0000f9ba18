/**
 * Reads a QR back out of the SVG that print-html.ts puts on a receipt: the `qrcode` package draws the dark
 * modules as one stroked path of `M x y` / `m dx 0` / `h n` runs (one module high, y at the row's middle). The
 * runs are painted onto a bitmap and handed to jsQR, the way a phone camera would read the printout — proving the
 * symbol carries the data, not merely that an <svg> exists.
 */
import jsQR from 'jsqr';

const PIXELS_PER_MODULE = 4;

/** The modules of the symbol (true = dark), quiet zone included; throws on a path it does not understand. */
export function svgQrModules(svg: string): boolean[][] {
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  const path = /<path stroke="#000000" d="([^"]*)"/.exec(svg);
  if (!viewBox?.[1] || !path?.[1]) {
    throw new Error('not a qrcode SVG');
  }
  const side = Number(viewBox[1]);
  const grid = Array.from({ length: side }, () => Array<boolean>(side).fill(false));
  let x = 0;
  let y = 0;
  for (const [, command, a, b] of path[1].matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    const first = Number(a);
    if (command === 'M') {
      x = first;
      y = Number(b);
    } else if (command === 'm') {
      x += first;
      y += Number(b ?? 0);
    } else {
      const row = grid[Math.floor(y)];
      if (!row) {
        throw new Error(`run outside the symbol at row ${String(y)}`);
      }
      for (let i = 0; i < first; i++) {
        row[x + i] = true;
      }
      x += first;
    }
  }
  return grid;
}

/** The text the QR in `svg` decodes to, or null when jsQR finds none. */
export function decodeSvgQr(svg: string): string | null {
  const grid = svgQrModules(svg);
  const size = grid.length * PIXELS_PER_MODULE;
  const pixels = new Uint8ClampedArray(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const dark = grid[Math.floor(py / PIXELS_PER_MODULE)]?.[Math.floor(px / PIXELS_PER_MODULE)] === true;
      const at = (py * size + px) * 4;
      pixels.fill(dark ? 0 : 255, at, at + 3);
      pixels[at + 3] = 255;
    }
  }
  return jsQR(pixels, size, size, { inversionAttempts: 'dontInvert' })?.data ?? null;
}
