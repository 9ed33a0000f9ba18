import { describe, expect, it } from 'vitest';
import { saleReceiptLines } from '../documents/sale-receipt';
import { QR_DATA, saleReceiptFor } from '../documents/testing/fixtures';
import type { PrintLine } from '../escpos/render';
import { decodeSvgQr } from '../testing/svg-qr-decode';
import { escapeHtml, receiptCsp, receiptHtml, textRows } from './print-html';

function unescape(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&#160;', '\u00a0')
    .replaceAll('&amp;', '&');
}

/** The text rows of a page by their class ('n' normal, 'd' double, 's' small), unescaped. */
function rows(html: string, size: 'n' | 'd' | 's'): string[] {
  return [...html.matchAll(new RegExp(`<div class="l ${size}(?: b)?">(.*?)</div>`, 'g'))].map((m) =>
    unescape(m[1] ?? ''),
  );
}

describe('receiptHtml', () => {
  it('escapes every text, so markup in a product name prints as characters', async () => {
    const lines: PrintLine[] = [
      { kind: 'text', left: '<script>alert("x")</script>', right: '1 & 2' },
      { kind: 'text', center: "<img src=x onerror='y'>" },
    ];
    const { html } = await receiptHtml(lines, { paperWidth: 80, title: '<b>receipt</b>' });

    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>receipt');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('<title>&lt;b&gt;receipt&lt;/b&gt;</title>');
    expect(rows(html, 'n')[0]).toMatch(/^<script>alert\("x"\)<\/script> +1 & 2$/);
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  it('allows nothing external: a CSP with no source but its own hashed <style>', async () => {
    const { html } = await receiptHtml([{ kind: 'text', left: 'x' }], { paperWidth: 58, title: 't' });
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';

    expect(unescape(meta)).toBe(receiptCsp(style));
    expect(unescape(meta)).toContain("default-src 'none'");
    expect(unescape(meta)).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]{44}'/);
    expect(unescape(meta)).not.toContain('unsafe');
    expect(html).not.toMatch(/ style="|<script|<link|src=|href=/);
  });

  it('lays a receipt out in the ESC/POS columns: 32 on 58 mm, 48 on 80 mm', async () => {
    const lines = saleReceiptLines(saleReceiptFor('en'));
    for (const [paperWidth, columns] of [
      [58, 32],
      [80, 48],
    ] as const) {
      const { html, widthMm } = await receiptHtml(lines, { paperWidth, title: 'receipt' });
      const normal = rows(html, 'n');

      expect(widthMm).toBe(paperWidth);
      expect(normal.length).toBeGreaterThan(10);
      for (const row of normal) {
        expect(Array.from(row)).toHaveLength(row === '\u00a0' ? 1 : columns);
      }
      expect(normal).toContain('-'.repeat(columns));
      expect(html).toContain(`@page { size: ${String(paperWidth)}mm `);
      expect(html).toContain(`body { width: ${String(columns * 1.5)}mm;`);
    }
  });

  it('wraps, right-aligns, centres and halves the columns for double size like the printer', () => {
    expect(textRows({ kind: 'text', left: 'Milk', right: '3 500' }, 58)).toEqual([
      `Milk${' '.repeat(23)}3 500`,
    ]);
    expect(textRows({ kind: 'text', center: 'TOTAL', double: true }, 58)).toEqual([`     TOTAL      `]);
    expect(textRows({ kind: 'text', left: 'x'.repeat(40), small: true }, 58)).toEqual([
      'x'.repeat(40) + '  ',
    ]);
    expect(textRows({ kind: 'text', left: 'a very long product name indeed', right: '12 000' }, 58)).toEqual([
      'a very long product name indeed ',
      `${' '.repeat(26)}12 000`,
    ]);
  });

  it('marks bold, double and small lines with their classes and turns a feed into blank lines', async () => {
    const { html, heightMm } = await receiptHtml(
      [
        { kind: 'text', left: 'B', bold: true },
        { kind: 'text', center: 'D', double: true },
        { kind: 'text', left: '030012345678901234567890123456789', small: true },
        { kind: 'feed', lines: 2 },
      ],
      { paperWidth: 80, title: 't' },
    );

    expect(html).toMatch(/<div class="l n b">B {47}<\/div>/);
    expect(rows(html, 'd')).toEqual([`${' '.repeat(11)}D${' '.repeat(12)}`]);
    expect(rows(html, 's')[0]).toHaveLength(64);
    // The 2 fed lines plus the 3 the ESC/POS job feeds before its cut.
    expect(rows(html, 'n').filter((r) => r === '\u00a0')).toHaveLength(5);
    expect(heightMm).toBeGreaterThan(20);
  });

  it('draws the eBarimt QR as an SVG that decodes back to the qrData, sized like the printer’s', async () => {
    for (const [paperWidth, moduleMm] of [
      [58, 0.75],
      [80, 1],
    ] as const) {
      const { html } = await receiptHtml([{ kind: 'qr', data: QR_DATA }], { paperWidth, title: 't' });
      const svg = /<svg[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';

      expect(decodeSvgQr(svg)).toBe(QR_DATA);
      // Version 5 (37 modules) plus a 2-module quiet zone on each side.
      expect(svg).toContain(`width="${String(41 * moduleMm)}mm"`);
    }
  });

  it('round-trips a byte payload with markup characters in the QR too', async () => {
    const data = 'https://example.test/r?a=1&b=<2>';
    const { html } = await receiptHtml([{ kind: 'qr', data }], { paperWidth: 58, title: 't' });

    expect(decodeSvgQr(/<svg[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '')).toBe(data);
  });
});
