/**
 * `kassa doctor` line for SocialPay. The API has no token, so the check asks about an invoice that cannot
 * exist: the bank validates terminal and checksum before it looks the invoice up, so its documented
 * "not found" answer proves the base URL, terminal and key are all right.
 */
import { money } from '../../../shared/money';
import { KassaError } from '../../kernel/errors';
import type { DoctorLine } from '../context';
import { ProviderError } from '../errors';
import type { SocialpayClient } from './client';

const PROBE_INVOICE = 'kassa-doctor-probe';

export async function doctorSocialpay(client: SocialpayClient): Promise<DoctorLine> {
  const line = (ok: boolean, detail: string): DoctorLine => ({ provider: 'socialpay', ok, detail });
  try {
    const status = await client.check({ invoice: PROBE_INVOICE, amount: money(1, 'MNT') });
    // Only possible if someone used the probe number for a real invoice; the endpoint still answered.
    return line(true, `${client.baseUrl} answered (probe invoice is ${status.status})`);
  } catch (error) {
    if (error instanceof ProviderError) {
      if (error.kind === 'rejected' && error.code === 'NOT_FOUND') {
        return line(true, `${client.baseUrl} reachable; terminal and checksum key accepted`);
      }
      switch (error.kind) {
        case 'auth':
          return line(false, `${error.message} Check the terminal number and 'socialpay.checksumKey'.`);
        case 'network':
        case 'timeout':
          return line(false, `${error.message}. Check the base URL (${client.baseUrl}) and the network.`);
        case 'rejected':
        case 'unexpected':
          return line(false, error.message);
      }
    }
    if (error instanceof KassaError) {
      return line(false, `${error.message} (${error.code})`);
    }
    throw error;
  }
}
