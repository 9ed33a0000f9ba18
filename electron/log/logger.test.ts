import { describe, expect, it } from 'vitest';
import { createLogger, logFormat, prettyDestination } from './logger';

describe('log format', () => {
  it('pretty on a terminal, JSON on a pipe or file; KASSA_LOG_FORMAT overrides', () => {
    expect(logFormat({}, true)).toBe('pretty');
    expect(logFormat({}, false)).toBe('json');
    expect(logFormat({ KASSA_LOG_FORMAT: 'json' }, true)).toBe('json');
    expect(logFormat({ KASSA_LOG_FORMAT: 'pretty' }, false)).toBe('pretty');
    expect(logFormat({ KASSA_LOG_FORMAT: 'xml' }, false)).toBe('json');
  });

  it('a pretty line is one readable line, component first, still redacted', () => {
    const out: string[] = [];
    const { logger, redactor } = createLogger({ destination: prettyDestination((t) => out.push(t), false) });
    redactor.addValue('s3cr3t-value-77');
    logger
      .child({ component: 'devices' })
      .warn({ token: 'abc', detail: 'key s3cr3t-value-77' }, 'USB hot-plug unavailable');
    logger.error({ err: new Error('boom') }, 'failed');
    const text = out.join('');
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\] WARN: \[devices\] USB hot-plug unavailable /);
    expect(lines[1]).toMatch(/ERROR: failed .*boom/);
    expect(text).not.toContain('s3cr3t-value-77');
    expect(text).not.toContain('"abc"');
    for (const line of lines) {
      expect(line.startsWith('{')).toBe(false);
    }
  });
});
