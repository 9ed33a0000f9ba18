/**
 * Easy Register answers → typed results. Business outcomes are values the approval screen switches on; only
 * `invalidToken` / status 401 is turned into an auth ProviderError, so TokenCache.withToken re-authenticates
 * once and retries.
 */
import { ProviderError } from '../../errors';
import {
  CODE_TEXT,
  isEasyRegisterCode,
  STATUS_TEXT,
  UNKNOWN_TEXT,
  type EasyRegisterCode,
  type LocalText,
} from './messages';

export const EASY_REGISTER_PROVIDER = 'ebarimt.easy-register';

/** What the provider actually said, for support (never contains qrData). */
export interface ProviderAnswer {
  code: string;
  status: number;
  msg: string | null;
}

/** A code the document lists, or the documented status family when the code is new to us. */
export type AnswerKind =
  Exclude<EasyRegisterCode, 'invalidToken'> | 'status100' | 'status201' | 'status500' | 'unknown';

export interface Classified {
  kind: AnswerKind;
  message: LocalText;
}

export function invalidTokenError(answer: ProviderAnswer): ProviderError {
  return new ProviderError({
    provider: EASY_REGISTER_PROVIDER,
    kind: 'auth',
    status: 401,
    code: answer.code,
    message: `Easy Register refused the access token (${answer.code})`,
    messages: CODE_TEXT.invalidToken,
  });
}

export function classifyAnswer(answer: ProviderAnswer): Classified {
  if (answer.code === 'invalidToken' || answer.status === 401) {
    throw invalidTokenError(answer);
  }
  if (isEasyRegisterCode(answer.code) && answer.code !== 'invalidToken') {
    return { kind: answer.code, message: CODE_TEXT[answer.code] };
  }
  switch (answer.status) {
    case 100:
      return { kind: 'status100', message: STATUS_TEXT[100] };
    case 201:
      return { kind: 'status201', message: STATUS_TEXT[201] };
    case 500:
      return { kind: 'status500', message: STATUS_TEXT[500] };
    default:
      return { kind: 'unknown', message: UNKNOWN_TEXT };
  }
}

/** approveQr: `approved` is the only outcome that registered the receipt just now. */
export type ApproveQrResult =
  | { outcome: 'approved'; ok: true; message: LocalText; answer: ProviderAnswer }
  | {
      outcome: Exclude<AnswerKind, 'success'>;
      ok: false;
      message: LocalText;
      answer: ProviderAnswer;
    };

export interface Citizen {
  regNo: string;
  /** 8-digit eBarimt code, to put in PosAPI `consumerNo` or send to approveQr. */
  customerNo: string;
  givenName: string;
  familyName: string;
}

/** GET api/info/consumer/{regNo}: 404 is the documented "not found", a value rather than an error. */
export type ConsumerLookupResult = { found: true; citizen: Citizen } | { found: false; message: LocalText };

/** getProfile: the buyer's code and a masked email for the cashier to read back; the raw email is not kept. */
export type ProfileResult =
  | {
      outcome: 'found';
      customerNo: string;
      emailMasked: string | null;
      message: LocalText;
      answer: ProviderAnswer;
    }
  | {
      outcome: Exclude<AnswerKind, 'success'>;
      message: LocalText;
      answer: ProviderAnswer;
    };
