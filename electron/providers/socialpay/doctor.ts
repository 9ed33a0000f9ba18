/**
 * `kassa doctor` line for SocialPay. The API has no token, so the check signs a status query for an invoice
 * that cannot exist and reads only what the Instore documents give (/work/shared/seeds/golomt-socialpay-
 * instore.txt, docs/providers.md §3.1): every answer is a `{ header, body }` envelope whose header says whether
 * the request passed the bank's checks. The documents name no error for a missing invoice, so the line never
 * depends on one: any well-formed envelope answer to the signed probe means the base URL is SocialPay and
 * reachable; only an answer that refuses the terminal or checksum (header 401/403, or an error the client
 * classifies as `auth`), a server fault, an unreadable answer or no answer makes it fail.
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
      if (error.kind === 'rejected') {
        // A refusal in the documented envelope (whatever its name): the bank read and answered the signed probe.
        return line(
          true,
          `${client.baseUrl} reachable; terminal and checksum key not refused (probe answered: ${error.message})`,
        );
      }
      switch (error.kind) {
        case 'auth':
          return line(false, `${error.message} Check the terminal number and 'socialpay.checksumKey'.`);
        case 'network':
        case 'timeout':
          return line(false, `${error.message}. Check the base URL (${client.baseUrl}) and the network.`);
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
