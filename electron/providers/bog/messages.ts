/**
 * BoG answers → cashier-readable text. English is the cashier's working language in a Georgian store here
 * (cashier locales are mn/en); Georgian is carried for the customer display and for support.
 */
import type { Redactor } from '../../log/redact';
import { ProviderError, type ProviderKind } from '../errors';
import type { BogOutcome, Texts } from './common';

export const OUTCOME_TEXTS: Readonly<Record<BogOutcome, Texts>> = {
  pending: { en: 'Waiting for the customer to pay.', ka: 'ველოდებით გადახდას.' },
  authorized: {
    en: 'The amount is held on the card; complete or release the hold.',
    ka: 'თანხა დაბლოკილია ბარათზე; დაასრულეთ ან გააუქმეთ.',
  },
  paid: { en: 'Paid.', ka: 'გადახდილია.' },
  declined: {
    en: 'The payment was declined or expired unpaid.',
    ka: 'გადახდა უარყოფილია ან ვადა გაუვიდა.',
  },
  cancelled: { en: 'The hold was released; nothing was charged.', ka: 'დაბლოკვა მოხსნილია.' },
  refunded: { en: 'Refunded in full.', ka: 'თანხა სრულად დაბრუნდა.' },
  partially_refunded: { en: 'Partly refunded.', ka: 'თანხა ნაწილობრივ დაბრუნდა.' },
};

/** Texts for HTTP answers, by status, used when BoG sends no (or an unknown) error body. */
export function httpTexts(status: number): { kind: ProviderKind; texts: Texts; code: string } {
  if (status === 401 || status === 403) {
    return {
      kind: 'auth',
      code: 'auth',
      texts: {
        en: 'Bank of Georgia refused the credentials: check the client id and secret in Settings.',
        ka: 'საქართველოს ბანკმა არ მიიღო მონაცემები: შეამოწმეთ client id და საიდუმლო გასაღები.',
      },
    };
  }
  if (status === 404) {
    return {
      kind: 'rejected',
      code: 'not_found',
      texts: { en: 'Bank of Georgia does not know this order.', ka: 'ბანკს ეს შეკვეთა არ აქვს.' },
    };
  }
  if (status === 409) {
    return {
      kind: 'rejected',
      code: 'conflict',
      texts: {
        en: 'This payment key was already used with different details.',
        ka: 'ეს გადახდის გასაღები უკვე გამოყენებულია სხვა მონაცემებით.',
      },
    };
  }
  if (status === 422) {
    return {
      kind: 'rejected',
      code: 'state',
      texts: {
        en: 'Bank of Georgia cannot do this in the order’s current state (already refunded or completed?).',
        ka: 'შეკვეთის მიმდინარე სტატუსში ეს მოქმედება შეუძლებელია.',
      },
    };
  }
  if (status >= 500) {
    return {
      kind: 'unexpected',
      code: 'server',
      texts: {
        en: 'Bank of Georgia had an internal error. Check the payment status before trying again.',
        ka: 'ბანკის სისტემაში შეცდომაა. გადაამოწმეთ სტატუსი.',
      },
    };
  }
  return {
    kind: 'rejected',
    code: 'rejected',
    texts: { en: 'Bank of Georgia refused the request.', ka: 'ბანკმა მოთხოვნა უარყო.' },
  };
}

export function bogError(init: {
  kind: ProviderKind;
  texts: Texts;
  code: string;
  status?: number;
  /** BoG's own words, appended after the cashier text; passed through the redactor. */
  detail?: string | undefined;
  redactor: Redactor;
}): ProviderError {
  const detail =
    init.detail === undefined || init.detail === '' ? '' : ` (${init.redactor.text(init.detail)})`;
  return new ProviderError({
    provider: 'bog',
    kind: init.kind,
    code: init.code,
    ...(init.status === undefined ? {} : { status: init.status }),
    message: `${init.texts.en}${detail}`,
    messages: { en: `${init.texts.en}${detail}`, ka: `${init.texts.ka}${detail}` },
  });
}
