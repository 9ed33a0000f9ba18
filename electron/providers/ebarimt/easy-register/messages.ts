/**
 * Cashier texts (mn, en) for every `code` and `status` the Easy Register document lists
 * (docs/providers.md §1.3), plus the 404 "citizen not found" of the register-number lookup. Codes come first;
 * a status is only used when the code is one the document does not list, so a new code still gets a sensible,
 * distinct message.
 */
/** A type alias (not an interface) so it fits ProviderError's `messages` record. */
export type LocalText = { mn: string; en: string };

/** Every `code` ITC's document lists for getProfile and approveQr. */
export const EASY_REGISTER_CODES = [
  'success',
  'alreadyApproved',
  'b2bNotAccepted',
  'invalidQr',
  'invalidToken',
  'emptyField',
  'userNotFound',
  'emailNotFound',
  'invalidData',
  'userDuplicate',
] as const;
export type EasyRegisterCode = (typeof EASY_REGISTER_CODES)[number];

export function isEasyRegisterCode(code: string): code is EasyRegisterCode {
  return (EASY_REGISTER_CODES as readonly string[]).includes(code);
}

export const CODE_TEXT: Readonly<Record<EasyRegisterCode, LocalText>> = {
  success: {
    mn: 'Амжилттай. Баримт худалдан авагчийн И-баримтад баталгаажлаа.',
    en: "Done. The receipt is confirmed in the buyer's eBarimt account.",
  },
  alreadyApproved: {
    mn: 'Энэ баримт аль хэдийн баталгаажсан байна. Дахин бүртгэх шаардлагагүй.',
    en: 'This receipt is already confirmed. Nothing more to do.',
  },
  b2bNotAccepted: {
    mn: 'Байгууллагын (B2B) баримтыг иргэнд бүртгэх боломжгүй.',
    en: 'A company (B2B) receipt cannot be registered to a citizen.',
  },
  invalidQr: {
    mn: 'Баримтын QR код буруу эсвэл олдсонгүй. Баримтын QR-ыг дахин уншуулна уу.',
    en: "The receipt's QR code is invalid or unknown. Scan the receipt's QR again.",
  },
  invalidToken: {
    mn: 'И-баримтын нэвтрэх эрх хүчингүй байна. Тохиргоонд нэр, нууц үгийг шалгана уу.',
    en: 'The eBarimt login was refused. Check the eBarimt username and password in Settings.',
  },
  emptyField: {
    mn: 'Мэдээлэл дутуу байна: хэрэглэгчийн код болон баримтын QR хоёулаа шаардлагатай.',
    en: "Something is missing: both the buyer's code and the receipt QR are needed.",
  },
  userNotFound: {
    mn: 'Хэрэглэгч олдсонгүй. Утас, регистр эсвэл 8 оронтой кодыг шалгана уу.',
    en: 'Buyer not found. Check the phone, register number or 8-digit code.',
  },
  emailNotFound: {
    mn: 'Хэрэглэгч олдсон боловч имэйл бүртгэлгүй байна.',
    en: 'Buyer found, but no email is registered.',
  },
  invalidData: {
    mn: 'Мэдээлэл алдаатай байна (утас 8 оронтой, код 8 оронтой байх ёстой).',
    en: 'The details are malformed (phone and customer code must be 8 digits).',
  },
  userDuplicate: {
    mn: 'Энэ утсаар хэд хэдэн хэрэглэгч бүртгэлтэй байна. Регистр эсвэл 8 оронтой кодоор хайна уу.',
    en: 'Several buyers share this phone. Search by register number or 8-digit code instead.',
  },
};

/** The documented `status` values, used only when the `code` is not one the document lists. */
export const STATUS_TEXT = {
  100: {
    mn: 'Талбарын мэдээлэл буруу байна (100).',
    en: 'A field was rejected as wrong (100).',
  },
  201: {
    mn: 'Мэдээлэл дутуу эсвэл алдаатай байна (201).',
    en: 'The details are incomplete or wrong (201).',
  },
  500: {
    mn: 'И-баримтын системд алдаа гарлаа (500). Дараа дахин оролдоно уу.',
    en: 'The eBarimt system reported an error (500). Try again later.',
  },
} as const satisfies Record<number, LocalText>;

export const UNKNOWN_TEXT: LocalText = {
  mn: 'И-баримтын хариуг ойлгосонгүй. Худалдан авагчийн И-баримт апп-аас шалгана уу.',
  en: "eBarimt's answer was not understood. Ask the buyer to check the eBarimt app.",
};

export const CITIZEN_NOT_FOUND_TEXT: LocalText = {
  mn: 'Энэ регистрийн дугаартай иргэн И-баримтад олдсонгүй.',
  en: 'No eBarimt citizen has this register number.',
};

export const CREDENTIALS_REFUSED_TEXT: LocalText = {
  mn: 'ITC нэвтрэх нэр эсвэл нууц үгийг хүлээж авсангүй. Тохиргоог шалгана уу.',
  en: 'ITC refused the eBarimt username or password. Check Settings → eBarimt.',
};

export const FORBIDDEN_TEXT: LocalText = {
  mn: 'Энэ ITC хэрэглэгчид Хялбар бүртгэлийн эрх алга (403).',
  en: 'This ITC account has no right to use Easy Register (403).',
};

/** `bold.bat@example.mn` → `b******t@example.mn`: enough for the buyer to recognise, not to harvest. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) {
    return '***';
  }
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const shown =
    local.length <= 2
      ? `${local[0] ?? ''}*`
      : `${local[0] ?? ''}${'*'.repeat(local.length - 2)}${local.at(-1) ?? ''}`;
  return `${shown}@${domain}`;
}
