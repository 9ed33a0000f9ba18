/**
 * Pocket error answers → ProviderError with cashier text (mn, en). The merchant API documents only
 * "non-200 carries a JSON body with `message`" (docs/providers.md §2.2) and Keycloak's `{error,
 * error_description}`; so the mapping is by HTTP status, and the provider's own message is quoted for
 * support.
 */
import type { Redactor } from '../../log/redact';
import { ProviderError, type ProviderKind } from '../errors';
import { ErrorBodySchema } from './schemas';

export const PROVIDER = 'pocket';

export interface Texts {
  mn: string;
  en: string;
}

const BY_STATUS: Readonly<Record<number, { kind: ProviderKind; code: string } & Texts>> = {
  400: {
    kind: 'rejected',
    code: 'bad_request',
    en: 'Pocket did not accept the request.',
    mn: 'Pocket хүсэлтийг хүлээж аваагүй.',
  },
  401: {
    kind: 'auth',
    code: 'unauthorized',
    en: 'Pocket refused the merchant token.',
    mn: 'Pocket мерчантын токеныг хүлээж аваагүй.',
  },
  403: {
    kind: 'auth',
    code: 'forbidden',
    en: 'Pocket does not allow this merchant to do that.',
    mn: 'Pocket энэ мерчантад уг үйлдлийг зөвшөөрөөгүй байна.',
  },
  404: {
    kind: 'rejected',
    code: 'not_found',
    en: 'Pocket has no such invoice.',
    mn: 'Pocket-д ийм нэхэмжлэх олдсонгүй.',
  },
  409: {
    kind: 'rejected',
    code: 'duplicate',
    en: 'This order number is already used for another invoice.',
    mn: 'Энэ захиалгын дугаар өөр нэхэмжлэхэд ашиглагдсан байна.',
  },
};

const BAD_CLIENT: Texts = {
  en: "Pocket refused the client id or secret: check Settings → Pocket and the 'pocket.clientSecret' secret.",
  mn: "Pocket клиент ID эсвэл нууц түлхүүрийг хүлээж аваагүй: Тохиргоо → Pocket болон 'pocket.clientSecret'-ийг шалгана уу.",
};

export function pocketError(init: {
  kind: ProviderKind;
  texts: Texts;
  detail?: string | undefined;
  status?: number;
  code?: string;
  redactor: Redactor;
  mayHaveReachedProvider?: boolean;
}): ProviderError {
  const detail = init.detail ? ` (Pocket: ${init.redactor.text(init.detail)})` : '';
  return new ProviderError({
    provider: PROVIDER,
    kind: init.kind,
    ...(init.status === undefined ? {} : { status: init.status }),
    ...(init.code === undefined ? {} : { code: init.code }),
    ...(init.mayHaveReachedProvider === undefined
      ? {}
      : { mayHaveReachedProvider: init.mayHaveReachedProvider }),
    message: `${init.texts.en}${detail}`,
    messages: { en: `${init.texts.en}${detail}`, mn: `${init.texts.mn}${detail}` },
  });
}

/** onErrorResponse for merchant API calls. 5xx and non-JSON bodies fall through to the HTTP core. */
export function errorFromResponse(
  status: number,
  body: unknown,
  redactor: Redactor,
): ProviderError | undefined {
  const info = BY_STATUS[status];
  if (!info) {
    return undefined;
  }
  const parsed = ErrorBodySchema.safeParse(body);
  const detail = parsed.success ? (parsed.data.message ?? parsed.data.error_description) : undefined;
  return pocketError({ kind: info.kind, texts: info, detail, status, code: info.code, redactor });
}

/** onErrorResponse for the Keycloak token/introspection endpoints. */
export function errorFromTokenEndpoint(
  status: number,
  body: unknown,
  redactor: Redactor,
): ProviderError | undefined {
  const parsed = ErrorBodySchema.safeParse(body);
  const error = parsed.success ? parsed.data.error : undefined;
  if (error === 'invalid_client' || error === 'unauthorized_client' || status === 401) {
    return pocketError({
      kind: 'auth',
      texts: BAD_CLIENT,
      detail: parsed.success ? parsed.data.error_description : undefined,
      status,
      code: error ?? 'invalid_client',
      redactor,
    });
  }
  return status >= 500 ? undefined : errorFromResponse(status, body, redactor);
}

/** The token grant's generic 401 from the HTTP core, re-worded for the cashier/installer. */
export function withClientTexts(error: unknown, redactor: Redactor): unknown {
  if (error instanceof ProviderError && error.kind === 'auth') {
    return pocketError({
      kind: 'auth',
      texts: BAD_CLIENT,
      ...(error.status === undefined ? {} : { status: error.status }),
      code: 'invalid_client',
      redactor,
    });
  }
  return error;
}
