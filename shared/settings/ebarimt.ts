import { z } from 'zod';
import { BaseUrlSchema } from './url';

/**
 * Non-secret settings of the ebarimt provider (ITC). Secrets live in the vault: the Easy Register password is
 * `ebarimt.password` (shared/secrets.ts). PosAPI 3.0 is a local service without auth, so it has no secret.
 *
 * Defaults point at the local PosAPI service and ITC's *staging* Easy Register hosts (the development
 * addresses of ITC's Easy Register document, docs/providers.md §1.1–1.2), so a till switched to production
 * must be given the production URLs explicitly.
 * Identifiers default to '' (not configured): the clients refuse to issue a receipt until they are set,
 * with a message saying which field is missing, rather than sending a receipt PosAPI would reject.
 */
export const EbarimtSettingsSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    /** The local PosAPI 3.0 service (`webServicePort` in posapi.ini). */
    posApiUrl: BaseUrlSchema.default('http://localhost:7080'),
    /** Easy Register SERVER_URL; endpoint paths are appended to it as-is. */
    easyRegisterUrl: BaseUrlSchema.default('https://st-service.itc.gov.mn/api/easy-register/'),
    /** Keycloak token endpoint (SERVER_URL_TOKEN + /protocol/openid-connect/token). */
    tokenUrl: BaseUrlSchema.default(
      'https://st.auth.itc.gov.mn/auth/realms/Staging/protocol/openid-connect/token',
    ),
    /**
     * ITC's public taxpayer lookup (no sign-in): a company's 7-digit register number → its TIN
     * (`api/info/check/getTinInfo`) and the name (`api/info/check/getInfo`), for B2B receipts.
     */
    taxpayerInfoUrl: BaseUrlSchema.default('https://api.ebarimt.mn/'),
    /** ITC account name for the password grant (client_id is always `vatps`). */
    username: z.string().trim().max(120).default(''),
    /** Merchant TIN registered in PosAPI (11 or 14 digits; ITC's staging test merchant is shorter). */
    merchantTin: z
      .string()
      .trim()
      .regex(/^(\d{7,14})?$/, 'must be 7–14 digits')
      .default(''),
    /** POS number as registered with ITC. */
    posNo: z.string().trim().max(40).default(''),
    /** 4-digit district (дүүрэг/сум) code of the shop. */
    districtCode: z
      .string()
      .trim()
      .regex(/^(\d{4})?$/, 'must be 4 digits')
      .default(''),
    /** 3-digit branch number. */
    branchNo: z
      .string()
      .trim()
      .regex(/^\d{3}$/, 'must be 3 digits')
      .default('001'),
    /**
     * The БҮНА classification code (7 digits) a free-amount item is sold under on a receipt: the shop's own
     * choice for what it sells by amount. Empty: a free-amount item has no code, and a sale holding one is refused
     * before payment on a Mongolian receipt (receipts/receipt-lines.ts), as a catalog product without a code is.
     */
    freeItemClassificationCode: z
      .string()
      .trim()
      .regex(/^(\d{7})?$/, 'must be 7 digits (БҮНА)')
      .default(''),
    /** City tax (НХАТ) in basis points applied to lines marked as city-taxed (2 % in Ulaanbaatar). */
    cityTaxBasisPoints: z.number().int().min(0).max(1000).default(200),
  })
  .prefault({});

export type EbarimtSettings = z.infer<typeof EbarimtSettingsSchema>;
