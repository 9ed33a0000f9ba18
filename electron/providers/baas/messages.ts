/**
 * Every error code the BaaS Gateway documents (1–5 system, 1000–1011 business) → cashier text in en, ru, uz.
 * Code 1010 is absent from the bank's table; it and any other unknown code get a generic text quoting the code.
 */
import type { ProviderKind } from '../errors';

/** A type alias (not an interface) so it fits ProviderError's `messages` record. */
export type Texts = {
  en: string;
  ru: string;
  uz: string;
};

export interface CodeInfo extends Texts {
  kind: ProviderKind;
}

export const BAAS_ERROR_CODES = {
  1: {
    kind: 'unexpected',
    en: 'Unknown error at the bank. Contact Ipoteka-bank support.',
    ru: 'Неизвестная ошибка банка. Обратитесь в поддержку Ипотека-банка.',
    uz: "Bankda noma'lum xatolik. Ipoteka-bank qo'llab-quvvatlash xizmatiga murojaat qiling.",
  },
  2: {
    kind: 'unexpected',
    en: 'The bank could not read the request (invalid JSON). This is a Kassa fault: please report it.',
    ru: 'Банк не смог прочитать запрос (неверный JSON). Это ошибка Kassa: сообщите о ней.',
    uz: "Bank so'rovni o'qiy olmadi (noto'g'ri JSON). Bu Kassa xatosi: iltimos, xabar bering.",
  },
  3: {
    kind: 'rejected',
    en: 'The bank could not read the value of a field.',
    ru: 'Банк не смог разобрать значение поля.',
    uz: "Bank maydon qiymatini o'qiy olmadi.",
  },
  4: {
    kind: 'rejected',
    en: 'The bank rejected a field.',
    ru: 'Банк отклонил значение поля.',
    uz: 'Bank maydon qiymatini rad etdi.',
  },
  5: {
    kind: 'unexpected',
    en: 'The bank does not accept this request method: check the BaaS paths in Settings.',
    ru: 'Банк не принимает этот метод запроса: проверьте пути BaaS в настройках.',
    uz: "Bank bu so'rov usulini qabul qilmaydi: sozlamalardagi BaaS yo'llarini tekshiring.",
  },
  1000: {
    kind: 'rejected',
    en: 'The bank has no such application.',
    ru: 'Заявка не найдена.',
    uz: 'Ariza topilmadi.',
  },
  1001: {
    kind: 'rejected',
    en: 'The application is still being processed. Check again later.',
    ru: 'Заявка ещё обрабатывается. Проверьте позже.',
    uz: "Ariza hali ko'rib chiqilmoqda. Keyinroq tekshiring.",
  },
  1002: {
    kind: 'rejected',
    en: 'Loan refused: the customer has overdue payments on active loans.',
    ru: 'В кредите отказано: у клиента есть просрочка по действующим кредитам.',
    uz: "Kredit rad etildi: mijozning amaldagi kreditlari bo'yicha muddati o'tgan to'lovlar bor.",
  },
  1003: {
    kind: 'rejected',
    en: 'Loan refused: the bank rates the customer as high risk.',
    ru: 'В кредите отказано: банк оценил риск по клиенту как повышенный.',
    uz: "Kredit rad etildi: bank mijoz bo'yicha xavfni yuqori deb baholadi.",
  },
  1004: {
    kind: 'unexpected',
    en: 'The card processing service sent the bank no answer. Try again in a moment.',
    ru: 'Внешний сервис не вернул банку ответ. Повторите попытку чуть позже.',
    uz: "Tashqi xizmat bankka javob qaytarmadi. Birozdan so'ng qayta urinib ko'ring.",
  },
  1005: {
    kind: 'unexpected',
    en: 'The card processing service refused the bank’s request.',
    ru: 'Внешний сервис отклонил запрос банка.',
    uz: "Tashqi xizmat bank so'rovini rad etdi.",
  },
  1006: {
    kind: 'rejected',
    en: 'The bank could not send the SMS code. Check the customer’s phone number.',
    ru: 'Банк не смог отправить SMS-код. Проверьте номер телефона клиента.',
    uz: 'Bank SMS kodini yubora olmadi. Mijozning telefon raqamini tekshiring.',
  },
  1007: {
    kind: 'rejected',
    en: 'An SMS code was already sent and is still valid: enter it, or wait until it expires to send a new one.',
    ru: 'SMS-код уже отправлен и ещё действует: введите его или дождитесь окончания срока, чтобы запросить новый.',
    uz: "SMS kod allaqachon yuborilgan va hali amal qiladi: uni kiriting yoki yangisini so'rash uchun muddati tugashini kuting.",
  },
  1008: {
    kind: 'rejected',
    en: 'The card was not found. Check the card number, expiry date and phone.',
    ru: 'Карта не найдена. Проверьте номер карты, срок действия и телефон.',
    uz: 'Karta topilmadi. Karta raqami, amal qilish muddati va telefonni tekshiring.',
  },
  1009: {
    kind: 'rejected',
    en: 'The SMS code has expired. Send a new code.',
    ru: 'Срок действия SMS-кода истёк. Запросите новый код.',
    uz: "SMS kodning muddati tugadi. Yangi kod so'rang.",
  },
  1011: {
    kind: 'rejected',
    en: 'This card is already attached.',
    ru: 'Эта карта уже привязана.',
    uz: 'Bu karta allaqachon biriktirilgan.',
  },
} as const satisfies Record<number, CodeInfo>;

export type BaasErrorCode = keyof typeof BAAS_ERROR_CODES;

export function isBaasErrorCode(code: number): code is BaasErrorCode {
  return Object.hasOwn(BAAS_ERROR_CODES, code);
}

export function codeInfo(code: number): CodeInfo {
  if (isBaasErrorCode(code)) {
    return BAAS_ERROR_CODES[code];
  }
  return {
    kind: code >= 1000 ? 'rejected' : 'unexpected',
    en: `The bank answered with error code ${code}.`,
    ru: `Банк ответил кодом ошибки ${code}.`,
    uz: `Bank ${code} xato kodi bilan javob berdi.`,
  };
}

export const AUTH_TEXTS: Texts = {
  en: 'Ipoteka-bank refused the credentials: check the consumer key, user name, consumer secret and password.',
  ru: 'Ипотека-банк не принял учётные данные: проверьте consumer key, логин, consumer secret и пароль.',
  uz: "Ipoteka-bank hisob ma'lumotlarini qabul qilmadi: consumer key, login, consumer secret va parolni tekshiring.",
};
