/**
 * SocialPay answers → cashier-readable text (mn, en).
 *
 * The public Instore pages do not list the header codes, errorType values or resp_code values
 * (docs/providers.md §3.1, §3.5). What is documented: header.code 200 = passed validation; resp_code "00" =
 * paid; errors carry body.error.errorDesc. The errorType names and the non-"00" resp_codes below are the
 * simulator's convention ([G]; resp_codes follow ISO 8583, whose field names — approval_code, resp_code,
 * card_number — the check response uses). Any code not listed still yields a message that quotes the bank's
 * own errorDesc/resp_desc.
 */
import type { ProviderKind } from '../errors';

export interface Texts {
  mn: string;
  en: string;
}

export interface ErrorTypeInfo extends Texts {
  kind: ProviderKind;
}

export const ERROR_TYPES = {
  VALIDATION: {
    kind: 'rejected',
    en: 'SocialPay did not accept the request: a field is missing, malformed or too long.',
    mn: 'SocialPay хүсэлтийг хүлээж аваагүй: талбар дутуу, буруу эсвэл хэт урт байна.',
  },
  CHECKSUM: {
    kind: 'auth',
    en: 'SocialPay rejected the checksum: the terminal key in Settings is wrong.',
    mn: 'SocialPay checksum-ийг хүлээж аваагүй: Тохиргоон дахь терминалын түлхүүр буруу байна.',
  },
  TERMINAL: {
    kind: 'auth',
    en: 'SocialPay does not know this terminal number: check the terminal in Settings.',
    mn: 'SocialPay энэ терминалын дугаарыг танихгүй байна: Тохиргоон дахь терминалыг шалгана уу.',
  },
  NOT_FOUND: {
    kind: 'rejected',
    en: 'SocialPay has no invoice with this number.',
    mn: 'SocialPay-д ийм дугаартай нэхэмжлэх байхгүй байна.',
  },
  DUPLICATE: {
    kind: 'rejected',
    en: 'This invoice number is already used for another payment.',
    mn: 'Энэ нэхэмжлэхийн дугаар өөр төлбөрт ашиглагдсан байна.',
  },
  STATE: {
    kind: 'rejected',
    en: 'SocialPay cannot do this in the invoice’s current state (already paid, cancelled or refunded).',
    mn: 'Нэхэмжлэхийн одоогийн төлөвт энэ үйлдлийг хийх боломжгүй (төлөгдсөн, цуцлагдсан эсвэл буцаагдсан).',
  },
  AMOUNT: {
    kind: 'rejected',
    en: 'The amount does not match the invoice.',
    mn: 'Дүн нэхэмжлэхийн дүнтэй таарахгүй байна.',
  },
} as const satisfies Record<string, ErrorTypeInfo>;

export type ErrorType = keyof typeof ERROR_TYPES;

export function isErrorType(value: string | undefined): value is ErrorType {
  return value !== undefined && Object.hasOwn(ERROR_TYPES, value);
}

/** Fallback by header code when the errorType is missing or unknown. */
export function errorInfo(errorType: string | undefined, headerCode: number): ErrorTypeInfo {
  if (isErrorType(errorType)) {
    return ERROR_TYPES[errorType];
  }
  if (headerCode === 401 || headerCode === 403) {
    return {
      kind: 'auth',
      en: 'SocialPay refused the terminal’s credentials: check the terminal and key in Settings.',
      mn: 'SocialPay терминалын мэдээллийг хүлээж аваагүй: Тохиргоон дахь терминал болон түлхүүрийг шалгана уу.',
    };
  }
  if (headerCode >= 500) {
    return {
      kind: 'unexpected',
      en: 'SocialPay had an internal error. Try again in a moment.',
      mn: 'SocialPay-д дотоод алдаа гарлаа. Түр хүлээгээд дахин оролдоно уу.',
    };
  }
  return {
    kind: 'rejected',
    en: 'SocialPay refused the request.',
    mn: 'SocialPay хүсэлтийг татгалзлаа.',
  };
}

export type PaymentOutcome = 'paid' | 'pending' | 'failed';

interface RespCodeInfo extends Texts {
  outcome: PaymentOutcome;
}

export const RESP_CODES: Readonly<Record<string, RespCodeInfo>> = {
  '00': { outcome: 'paid', en: 'Paid.', mn: 'Төлөгдсөн.' },
  '01': {
    outcome: 'pending',
    en: 'Waiting for the customer to pay.',
    mn: 'Харилцагч төлбөрөө төлөхийг хүлээж байна.',
  },
  '05': {
    outcome: 'failed',
    en: 'The customer’s bank declined the payment.',
    mn: 'Харилцагчийн банк гүйлгээг татгалзлаа.',
  },
  '51': {
    outcome: 'failed',
    en: 'The customer’s account has insufficient funds.',
    mn: 'Харилцагчийн дансны үлдэгдэл хүрэлцэхгүй байна.',
  },
  '54': {
    outcome: 'failed',
    en: 'The invoice expired before it was paid.',
    mn: 'Нэхэмжлэхийн хугацаа төлөгдөхөөс өмнө дууссан.',
  },
  '17': {
    outcome: 'failed',
    en: 'The invoice was cancelled or the payment reversed.',
    mn: 'Нэхэмжлэх цуцлагдсан эсвэл гүйлгээ буцаагдсан.',
  },
};

/**
 * What a check's resp_code means for the till. An unknown non-"00" code keeps polling: only "00" is documented,
 * and treating an unknown code as final could make the cashier charge again while the customer is paying.
 */
export function respCodeInfo(code: string, desc: string): RespCodeInfo {
  return (
    RESP_CODES[code] ?? {
      outcome: 'pending',
      en: `SocialPay answered code ${code}: ${desc}`,
      mn: `SocialPay ${code} кодоор хариулав: ${desc}`,
    }
  );
}
