/** What the receipt screen shows when a receipt could not be issued, returned or corrected (mn + en). */
import type { ReceiptView } from '../../shared/channels/receipt';
import { KassaError } from '../kernel/errors';
import { ProviderError } from '../providers/errors';

export type ReceiptProblem = NonNullable<ReceiptView['error']>;

function text(en: string, mn: string): { mn: string; en: string } {
  return { mn, en };
}

/** An unconfirmed receipt: PosAPI may hold it, the till cannot read it back; a manager resolves it. */
export const NEEDS_MANAGER: ReceiptProblem = {
  code: 'receipt.needs-manager',
  message: text(
    'PosAPI did not confirm this receipt and may already hold it. A manager looks it up in PosAPI’s web page: enter its 33-digit id if it is there, or issue it again if it is not.',
    'PosAPI энэ баримтыг баталгаажуулаагүй бөгөөд аль хэдийн үүсгэсэн байж магадгүй. Менежер PosAPI-н вэб хуудаснаас шалгаад: байвал 33 оронтой дугаарыг оруулна, байхгүй бол дахин гаргана.',
  ),
};

export function receiptError(error: unknown): ReceiptProblem {
  if (error instanceof ProviderError) {
    return {
      code: `provider.${error.kind}`,
      message: { mn: error.messages.mn ?? error.message, en: error.messages.en ?? error.message },
    };
  }
  if (error instanceof KassaError && error.code === 'receipt.product-codes') {
    const products = String(error.params?.products ?? '');
    return {
      code: error.code,
      message: text(
        error.message,
        `Баримт гаргах боломжгүй: ${products} барааны БҮНА ангиллын код (7 орон) эсвэл татварын бүтээгдэхүүний код байхгүй. Үнийн жагсаалтаа засаад дахин оруулна уу.`,
      ),
    };
  }
  if (error instanceof KassaError) {
    return { code: error.code, message: text(error.message, error.message) };
  }
  return {
    code: 'internal',
    message: text(
      'The receipt could not be issued. Try again.',
      'Баримт гаргаж чадсангүй. Дахин оролдоно уу.',
    ),
  };
}

/** A return or correction after a refund failed: the receipt still states the old amount. */
export function adjustError(error: unknown): ReceiptProblem {
  const cause = receiptError(error);
  return {
    code: cause.code,
    message: text(
      `The receipt was not returned or corrected after the refund: ${cause.message.en} Try again.`,
      `Буцаалтын дараа баримтыг буцааж / засварлаж чадсангүй: ${cause.message.mn} Дахин оролдоно уу.`,
    ),
  };
}
