/**
 * `kassa doctor` line for Ipoteka-bank BaaS: obtaining a token (password grant) proves the base URL answers and
 * all four credentials are right, without touching any card or application.
 */
import { KassaError } from '../../kernel/errors';
import type { DoctorLine } from '../context';
import { ProviderError } from '../errors';
import type { BaasClient } from './client';

export async function doctorBaas(client: BaasClient): Promise<DoctorLine> {
  const line = (ok: boolean, detail: string): DoctorLine => ({ provider: 'baas', ok, detail });
  try {
    await client.checkToken();
    return line(
      true,
      `${client.baseUrl} reachable; token obtained with the configured consumer key and user`,
    );
  } catch (error) {
    if (error instanceof ProviderError) {
      switch (error.kind) {
        case 'auth':
          return line(
            false,
            `${error.message} (Settings → baas.consumerKey, baas.username; secrets 'baas.consumerSecret', 'baas.password')`,
          );
        case 'network':
        case 'timeout':
          return line(false, `${error.message}. Check the base URL (${client.baseUrl}) and the network.`);
        case 'rejected':
        case 'unexpected':
          return line(
            false,
            `${error.message}. Is ${client.baseUrl} the BaaS Gateway address, and baas.paths.token right?`,
          );
      }
    }
    if (error instanceof KassaError) {
      return line(false, `${error.message} (${error.code}): set it in Settings → Secrets.`);
    }
    throw error;
  }
}
