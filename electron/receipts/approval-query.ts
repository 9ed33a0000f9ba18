/**
 * What the approval screen reads from a typed or scanned query, and the memory-only holder of a receipt's qrData
 * (split from approval-flow.ts, which keeps the state machine).
 *
 * qrData lives only inside `HeldQr` (memory only, ITC rule): a HeldQr serialises to a placeholder if anything ever
 * tries to log or stringify it.
 */
import { classifyCode, type ClassifiedCode } from '../../shared/codes';

/** A receipt's qrData held in memory. Not enumerable, not serialisable: read it with `digits()` only to send. */
export class HeldQr {
  readonly #digits: string;

  constructor(digits: string) {
    this.#digits = digits;
  }

  /** The qrData itself — for the approveQr request body and nothing else. */
  digits(): string {
    return this.#digits;
  }

  toJSON(): string {
    return '[qrData held in memory]';
  }

  toString(): string {
    return '[qrData held in memory]';
  }
}

export type BuyerQuery =
  | { kind: 'regno'; regNo: string }
  | { kind: 'phone'; phoneNum: string }
  | { kind: 'customer-no'; customerNo: string };

export const APPROVAL_TEXT = {
  unrecognised: {
    mn: 'Регистрийн дугаар (2 үсэг + 8 орон), утасны дугаар эсвэл И-баримтын 8 оронтой кодыг оруулна уу.',
    en: 'Enter a register number (2 letters + 8 digits), a mobile number or the 8-digit eBarimt code.',
  },
  phoneNotRegistered: {
    mn: 'Энэ утасны дугаараар И-баримтад бүртгэлтэй хэрэглэгч олдсонгүй. Регистр эсвэл 8 оронтой кодоор хайна уу.',
    en: 'No eBarimt account is registered to this phone number. Try the register number or 8-digit code.',
  },
  customerNotFound: {
    mn: 'Энэ 8 оронтой кодтой И-баримтын хэрэглэгч олдсонгүй. Кодыг шалгана уу.',
    en: 'No eBarimt account has this 8-digit code. Check the code.',
  },
  alreadyApprovedAfterRetry: {
    mn: 'Баримт баталгаажсан байна — өмнөх оролдлогоор бүртгэгдсэн байх магадлалтай. Дахин бүртгэх шаардлагагүй.',
    en: 'The receipt is confirmed — most likely by the attempt that lost its connection. Nothing more to do.',
  },
} as const;

/** What an identify query is, read the way the approval screen reads it (identity first, Mongolia). */
export function classifyQuery(
  query: string,
): BuyerQuery | { kind: 'receipt'; qr: HeldQr } | { kind: 'unrecognised' } {
  const code: ClassifiedCode = classifyCode(query, { prefer: 'identity', country: 'MN' });
  switch (code.kind) {
    case 'regno':
      return { kind: 'regno', regNo: code.regNo };
    case 'customer-no':
      return { kind: 'customer-no', customerNo: code.customerNo };
    case 'phone':
      // Easy Register knows Mongolian 8-digit numbers only.
      return code.country === 'MN' ? { kind: 'phone', phoneNum: code.national } : { kind: 'unrecognised' };
    case 'ebarimt-qr':
      return { kind: 'receipt', qr: new HeldQr(code.qrData) };
    case 'ean13':
    case 'ean8':
    case 'upca':
    case 'weight':
    case 'price':
    case 'invalid-checksum':
    case 'unknown':
      return { kind: 'unrecognised' };
  }
}

/** `10038071` → `10****71`. */
export function maskCustomerNo(customerNo: string): string {
  return customerNo.length <= 4
    ? '*'.repeat(customerNo.length)
    : `${customerNo.slice(0, 2)}${'*'.repeat(customerNo.length - 4)}${customerNo.slice(-2)}`;
}
