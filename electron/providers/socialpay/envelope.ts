/**
 * The `{ header, body }` envelope: header.code 200 means the request passed validation and was carried out;
 * anything else carries body.error.errorDesc. The bank may send an error envelope with HTTP 200 (the doc says
 * to read the header) or with a matching HTTP status; both become the same ProviderError.
 */
import type { Redactor } from '../../log/redact';
import { ProviderError } from '../errors';
import { errorInfo, type Texts } from './messages';
import { ErrorEnvelopeSchema } from './schemas';

export const PROVIDER = 'socialpay';

export function socialpayError(init: {
  kind: ProviderError['kind'];
  texts: Texts;
  detail: string | undefined;
  status?: number;
  code?: string;
  redactor: Redactor;
}): ProviderError {
  const detail = init.detail === undefined ? '' : ` (${init.redactor.text(init.detail)})`;
  return new ProviderError({
    provider: PROVIDER,
    kind: init.kind,
    ...(init.status === undefined ? {} : { status: init.status }),
    ...(init.code === undefined ? {} : { code: init.code }),
    message: `${init.texts.en}${detail}`,
    messages: { en: `${init.texts.en}${detail}`, mn: `${init.texts.mn}${detail}` },
  });
}

export function envelopeError(
  header: { code: number; status: string },
  error: { errorDesc: string; errorType?: string | undefined } | undefined,
  redactor: Redactor,
): ProviderError {
  const info = errorInfo(error?.errorType, header.code);
  return socialpayError({
    kind: info.kind,
    texts: info,
    detail: error?.errorDesc ?? header.status,
    status: header.code,
    code: error?.errorType ?? String(header.code),
    redactor,
  });
}

/** For HttpClient's onErrorResponse: a documented error envelope on a non-2xx answer. */
export function errorFromHttpBody(body: unknown, redactor: Redactor): ProviderError | undefined {
  const parsed = ErrorEnvelopeSchema.safeParse(body);
  return parsed.success ? envelopeError(parsed.data.header, parsed.data.body.error, redactor) : undefined;
}
