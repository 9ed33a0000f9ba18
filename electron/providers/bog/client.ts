/**
 * `createBogClient`: the store's Settings choose BoG's API (iPay or Payments); the payments layer sees one
 * BogClient either way.
 */
import type { BogSettings } from '../../../shared/settings/bog';
import type { ProviderContext } from '../context';
import type { BogClient } from './common';
import { createIpayClient } from './ipay/client';
import { createPaymentsClient } from './payments/client';

export type * from './common';
export { checkIpayCallback } from './ipay/callback';
export { checkPaymentsCallback } from './payments/callback';

export function createBogClient(ctx: ProviderContext, settings: BogSettings): BogClient {
  switch (settings.api) {
    case 'ipay':
      return createIpayClient(ctx, settings);
    case 'payments':
      return createPaymentsClient(ctx, settings);
  }
}
