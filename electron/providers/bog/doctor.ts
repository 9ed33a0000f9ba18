/**
 * `kassa doctor` line for Bank of Georgia: obtaining a token proves the base URL (or Keycloak host) answers and
 * the client id and secret are right, without creating an order.
 */
import { KassaError } from '../../kernel/errors';
import type { DoctorLine } from '../context';
import { ProviderError } from '../errors';
import type { BogClient } from './common';

export async function doctorBog(client: BogClient): Promise<DoctorLine> {
  const line = (ok: boolean, detail: string): DoctorLine => ({ provider: `bog.${client.api}`, ok, detail });
  const secret = client.api === 'ipay' ? "'bog.ipaySecretKey'" : "'bog.paymentsClientSecret'";
  const id = client.api === 'ipay' ? 'ipayClientId' : 'paymentsClientId';
  try {
    await client.checkToken();
    return line(true, `${client.baseUrl} reachable; token obtained with the configured client id and secret`);
  } catch (error) {
    if (error instanceof ProviderError) {
      switch (error.kind) {
        case 'auth':
          return line(false, `${error.message} Check Settings → bog.${id} and the secret ${secret}.`);
        case 'network':
        case 'timeout':
          return line(false, `${error.message}. Check the address (${client.baseUrl}) and the network.`);
        case 'rejected':
        case 'unexpected':
          return line(
            false,
            `${error.message}. Is ${client.baseUrl} a Bank of Georgia ${client.api} address?`,
          );
      }
    }
    if (error instanceof KassaError) {
      return line(false, `${error.message} (${error.code}): set ${secret} in Settings → Secrets.`);
    }
    throw error;
  }
}
