import { z } from 'zod';

/** An absolute http(s) URL without credentials, query or fragment: provider base URLs. */
export const BaseUrlSchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (
        (url.protocol === 'http:' || url.protocol === 'https:') &&
        url.username === '' &&
        url.password === '' &&
        url.search === '' &&
        url.hash === ''
      );
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL without credentials, query or fragment');
