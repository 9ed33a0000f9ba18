import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../errors';
import { CODE_TEXT, EASY_REGISTER_CODES, maskEmail, STATUS_TEXT, UNKNOWN_TEXT } from './messages';
import { classifyAnswer } from './results';

describe('Easy Register answer classification', () => {
  it('maps every documented code except invalidToken to itself with a distinct mn + en text', () => {
    const seen = new Set<string>();
    for (const code of EASY_REGISTER_CODES.filter((c) => c !== 'invalidToken')) {
      const result = classifyAnswer({ code, status: code === 'success' ? 200 : 201, msg: null });
      expect(result.kind).toBe(code);
      expect(result.message.mn.length).toBeGreaterThan(10);
      expect(result.message.en.length).toBeGreaterThan(10);
      seen.add(result.message.en);
      seen.add(result.message.mn);
    }
    // Unknown codes fall back on each documented status, each with its own text.
    for (const [status, kind] of [
      [100, 'status100'],
      [201, 'status201'],
      [500, 'status500'],
      [200, 'unknown'],
      [777, 'unknown'],
    ] as const) {
      const result = classifyAnswer({ code: 'somethingNew', status, msg: 'x' });
      expect(result.kind).toBe(kind);
      seen.add(result.message.en);
    }
    // 9 codes × 2 languages + 3 status texts + 1 unknown text, all different.
    expect(seen.size).toBe(9 * 2 + 4);
    expect(Object.values(STATUS_TEXT)).not.toContain(UNKNOWN_TEXT);
  });

  it('turns invalidToken and status 401 into an auth ProviderError (so the token cache retries once)', () => {
    for (const answer of [
      { code: 'invalidToken', status: 401, msg: null },
      { code: 'invalidToken', status: 200, msg: null },
      { code: 'whatever', status: 401, msg: null },
    ]) {
      let thrown: unknown;
      try {
        classifyAnswer(answer);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ProviderError);
      expect(thrown).toMatchObject({ kind: 'auth', status: 401, messages: CODE_TEXT.invalidToken });
    }
  });

  it('masks emails for display', () => {
    expect(maskEmail('bold.bat@example.mn')).toBe('b******t@example.mn');
    expect(maskEmail('ab@x.mn')).toBe('a*@x.mn');
    expect(maskEmail('a@x.mn')).toBe('a*@x.mn');
    expect(maskEmail('not-an-email')).toBe('***');
  });
});
