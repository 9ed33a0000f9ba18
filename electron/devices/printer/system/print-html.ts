/**
 * Print lines → one self-contained HTML page for a receipt roll, for a printer of the operating system
 * (docs/printing.md, "System printers"). The page keeps the ESC/POS layout: the same columns (32 on 58 mm, 48 on
 * 80 mm; 42/64 for small text; half as many for double size) cut by the same `layoutLine`, in a monospace font
 * sized so that one column is one 12-dot cell (1.5 mm at 203 dpi). The QR is an inline SVG of the `qrcode`
 * package (error correction M, like `GS ( k`), sized like the printer's own (docs/printing.md, "QR").
 *
 * Nothing external: every text is HTML-escaped (a product called `<script>` prints as those characters), the page
 * has no script, and its Content-Security-Policy allows no fetch at all — the one <style> block is allowed by its
 * hash (no 'unsafe-inline'); the SVG is markup, not a fetched image. The page carries qrData and lottery, so it
 * lives in memory only, like the ESC/POS bytes (print-queue.ts).
 */
import { createHash } from 'node:crypto';
import QRCode from 'qrcode';
import type { PrintLine } from '../escpos/render';
import { layoutLine } from '../escpos/layout';
import { columnsFor, smallColumnsFor, type PaperWidth } from '../escpos/profile';

/** Dots per millimetre of a 203 dpi thermal head. */
const DOTS_PER_MM = 8;
/** One font A cell is 12 dots wide; a line (24 dots plus the default 6-dot spacing) 30 dots high. */
const CELL_MM = 12 / DOTS_PER_MM;
const LINE_MM = 30 / DOTS_PER_MM;
/** Font B: 17 dots plus spacing. */
const SMALL_LINE_MM = 22 / DOTS_PER_MM;
/** The advance of a monospace glyph, in em (DejaVu Sans Mono, Liberation Mono, Courier New: 0.6). */
const MONO_ADVANCE_EM = 0.6;
/** The printer's own QR module: 6 dots on 58 mm, 8 on 80 mm (escpos/qr.ts). */
const QR_MODULE_MM: Readonly<Record<PaperWidth, number>> = { 58: 6 / DOTS_PER_MM, 80: 8 / DOTS_PER_MM };
const QR_MARGIN_MODULES = 2;
/** What the ESC/POS job feeds before the cut (render.ts: three lines). */
const END_FEED_LINES = 3;

export interface ReceiptHtml {
  html: string;
  /** The paper's width and the page's height, for `webContents.print`'s pageSize. */
  widthMm: number;
  heightMm: number;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** The printable width: 48 mm of 58 mm paper, 72 mm of 80 mm (384 / 576 dots). */
export function printableMm(paperWidth: PaperWidth): number {
  return columnsFor(paperWidth) * CELL_MM;
}

function cells(text: string): string[] {
  return Array.from(text.normalize('NFC'));
}

type TextLine = Extract<PrintLine, { kind: 'text' }>;

/** The physical lines of one text line, each exactly as many characters as its columns. */
export function textRows(line: TextLine, paperWidth: PaperWidth): string[] {
  const small = line.small === true && !line.double;
  const columns = small ? smallColumnsFor(paperWidth) : columnsFor(paperWidth) / (line.double ? 2 : 1);
  const centered = line.center !== undefined;
  const parts = {
    left: cells(line.center ?? line.left ?? ''),
    right: centered ? [] : cells(line.right ?? ''),
    centered,
  };
  return layoutLine(parts, columns, ' ').map((row) => row.join(''));
}

interface Block {
  markup: string;
  heightMm: number;
}

function textBlock(line: TextLine, paperWidth: PaperWidth): Block {
  const small = line.small === true && !line.double;
  const classes = ['l', small ? 's' : line.double ? 'd' : 'n', ...(line.bold ? ['b'] : [])].join(' ');
  const rows = textRows(line, paperWidth);
  const rowMm = small ? SMALL_LINE_MM : line.double ? LINE_MM * 2 : LINE_MM;
  return {
    markup: rows.map((row) => `<div class="${classes}">${escapeHtml(row)}</div>`).join('\n'),
    heightMm: rows.length * rowMm,
  };
}

/** The QR as an SVG whose modules are the printer's size (smaller when a long payload would pass 80 % of the line). */
async function qrBlock(data: string, paperWidth: PaperWidth): Promise<Block> {
  const options = { errorCorrectionLevel: 'M', margin: QR_MARGIN_MODULES } as const;
  const side = QRCode.create(data, options).modules.size + 2 * QR_MARGIN_MODULES;
  const moduleMm = Math.min(QR_MODULE_MM[paperWidth], (printableMm(paperWidth) * 0.8) / side);
  const sideMm = Number((side * moduleMm).toFixed(3));
  const svg = (await QRCode.toString(data, { ...options, type: 'svg' })).trim();
  // Presentation attributes, not a style attribute: the CSP allows only the hashed <style> block.
  const sized = svg.replace('<svg ', `<svg width="${String(sideMm)}mm" height="${String(sideMm)}mm" `);
  return { markup: `<div class="q">${sized}</div>`, heightMm: sideMm + LINE_MM };
}

function feedBlock(lines: number): Block {
  const count = Math.max(0, Math.floor(lines));
  return {
    markup: Array.from({ length: count }, () => '<div class="l n">&#160;</div>').join('\n'),
    heightMm: count * LINE_MM,
  };
}

function stylesheet(paperWidth: PaperWidth, heightMm: number): string {
  const fontMm = (mmPerColumn: number): string => `${(mmPerColumn / MONO_ADVANCE_EM).toFixed(4)}mm`;
  const width = printableMm(paperWidth);
  return [
    `@page { size: ${String(paperWidth)}mm ${heightMm.toFixed(1)}mm; margin: 0; }`,
    'html, body { margin: 0; padding: 0; background: #fff; color: #000; }',
    `body { width: ${String(width)}mm; margin: 0 auto; font-family: "DejaVu Sans Mono", "Liberation Mono", "Courier New", monospace; font-variant-ligatures: none; }`,
    '.l { white-space: pre; overflow: hidden; }',
    `.n { font-size: ${fontMm(CELL_MM)}; line-height: ${String(LINE_MM)}mm; }`,
    `.d { font-size: ${fontMm(CELL_MM * 2)}; line-height: ${String(LINE_MM * 2)}mm; }`,
    `.s { font-size: ${fontMm(width / smallColumnsFor(paperWidth))}; line-height: ${String(SMALL_LINE_MM)}mm; }`,
    '.b { font-weight: bold; }',
    `.q { text-align: center; line-height: 0; padding-bottom: ${String(LINE_MM)}mm; }`,
    '.q svg { display: inline-block; }',
  ].join('\n');
}

/** The Content-Security-Policy of the page: nothing may be fetched or run; only its own <style> block applies. */
export function receiptCsp(style: string): string {
  const hash = createHash('sha256').update(style, 'utf8').digest('base64');
  return [
    "default-src 'none'",
    `style-src 'sha256-${hash}'`,
    "script-src 'none'",
    "img-src 'none'",
    "font-src 'none'",
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
  ].join('; ');
}

/** The whole page for one job; `title` is what the OS print queue shows. */
export async function receiptHtml(
  lines: readonly PrintLine[],
  options: { paperWidth: PaperWidth; title: string },
): Promise<ReceiptHtml> {
  const { paperWidth } = options;
  const blocks: Block[] = [];
  for (const line of lines) {
    switch (line.kind) {
      case 'text':
        blocks.push(textBlock(line, paperWidth));
        break;
      case 'rule':
        blocks.push({
          markup: `<div class="l n">${'-'.repeat(columnsFor(paperWidth))}</div>`,
          heightMm: LINE_MM,
        });
        break;
      case 'qr':
        blocks.push(await qrBlock(line.data, paperWidth));
        break;
      case 'feed':
        blocks.push(feedBlock(line.lines));
        break;
    }
  }
  blocks.push(feedBlock(END_FEED_LINES));
  const heightMm = Math.ceil(blocks.reduce((sum, block) => sum + block.heightMm, 0));
  const style = stylesheet(paperWidth, heightMm);
  const html = [
    '<!doctype html>',
    '<html>',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(receiptCsp(style))}">`,
    `<title>${escapeHtml(options.title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    ...blocks.map((block) => block.markup),
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { html, widthMm: paperWidth, heightMm };
}
