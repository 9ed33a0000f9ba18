import { z } from 'zod';
import { BaseUrlSchema } from './url';

/** An absolute path on the BaaS base URL. */
const PathSchema = z
  .string()
  .trim()
  .regex(/^\/[A-Za-z0-9/_.-]*$/, 'must be a path starting with "/"');

/**
 * Paths of the BaaS Gateway endpoints. Only the token, card-attach and pre-scoring paths are published by the
 * bank; the others are proposals (docs/providers.md §6.5) and stay configurable until the bank confirms them.
 */
export const BaasPathsSchema = z
  .strictObject({
    token: PathSchema.default('/oauth2/token'),
    cardAttach: PathSchema.default('/cards/attach'),
    /** Not confirmed by the bank (docs/providers.md §6.5). */
    cardAttachConfirm: PathSchema.default('/cards/attach/confirm'),
    preScoring: PathSchema.default('/microloans/applications/pre-scoring/register'),
    /** Not confirmed by the bank (docs/providers.md §6.5). */
    applicationStatus: PathSchema.default('/microloans/applications/status'),
  })
  .prefault({});

/**
 * Non-secret settings of the baas provider (Ipoteka-bank BaaS Gateway, Uzbekistan). The consumer secret and
 * the user's password are secrets ('baas.consumerSecret', 'baas.password' in shared/secrets.ts).
 */
export const BaasSettingsSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    /** The bank has not published its base URL; it comes with the credentials. */
    baseUrl: BaseUrlSchema.default('http://127.0.0.1:1'),
    /** consumer_key of the Basic header on the token call (issued with the user name and password). */
    consumerKey: z.string().trim().max(128).default(''),
    username: z.string().trim().max(128).default(''),
    paths: BaasPathsSchema,
  })
  .prefault({});
export type BaasSettings = z.infer<typeof BaasSettingsSchema>;
