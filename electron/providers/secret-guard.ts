/**
 * The HTTP core's last check before a request leaves (docs/architecture.md
 * §7.1): every secret handed to a provider client is bound to the one origin it was entered for, and a request to
 * any other origin that carries it — raw, URL- or form-encoded, JSON-escaped, or inside a Basic credential — is
 * refused before anything is sent. Settings decide which hosts a provider may call; this decides which of
 * those may see a secret, so no settings change can widen where a secret goes.
 */

/**
 * Values shorter than this are not searched for: they cannot be told apart from ordinary request data (an
 * amount, a code). They are still bound at the vault: a provider whose address changed does not get them.
 */
export const MIN_GUARDED_LENGTH = 8;

export interface SecretGuard {
  /** From now on `value` may be sent to `origin` only. */
  bind(value: string, origin: string): void;
  /** The origin a request to `url` would carry a secret to without being allowed, else undefined. */
  violation(url: URL, headers: Headers, body: string | undefined): string | undefined;
}

/** Every form a value takes on the wire in the encodings the provider clients use. */
function encodings(value: string): string[] {
  const form = new URLSearchParams({ v: value }).toString().slice(2);
  return [...new Set([value, encodeURIComponent(value), form, JSON.stringify(value).slice(1, -1)])];
}

/** Header values, plus the decoded user:password of a Basic credential. */
function headerTexts(headers: Headers): string[] {
  const texts: string[] = [];
  headers.forEach((value) => {
    texts.push(value);
    const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(value.trim());
    if (basic?.[1] !== undefined) {
      texts.push(Buffer.from(basic[1], 'base64').toString('utf8'));
    }
  });
  return texts;
}

export function createSecretGuard(): SecretGuard {
  const bound = new Map<string, string>();
  return {
    bind(value, origin) {
      if (value.length >= MIN_GUARDED_LENGTH) {
        bound.set(value, new URL(origin).origin);
      }
    },
    violation(url, headers, body) {
      const texts = [url.href, body ?? '', ...headerTexts(headers)];
      for (const [value, origin] of bound) {
        if (origin === url.origin) {
          continue;
        }
        const forms = encodings(value);
        if (texts.some((text) => forms.some((form) => text.includes(form)))) {
          return origin;
        }
      }
      return undefined;
    },
  };
}
