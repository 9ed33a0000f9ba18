/**
 * `kassa doctor` lines for eBarimt: does the local PosAPI answer /rest/info, and can an Easy Register token be
 * obtained. Each failure names a cause an installer can act on; no secret is ever part of a line.
 */
import { KassaError } from '../../kernel/errors';
import type { EbarimtSettings } from '../../../shared/settings/ebarimt';
import type { DoctorLine, ProviderContext } from '../context';
import { ProviderError } from '../errors';
import { createEasyRegisterClient } from './easy-register/client';
import { createPosApiClient } from './posapi/client';

function cause(error: unknown, where: string, hints: Partial<Record<ProviderError['kind'], string>>): string {
  if (error instanceof KassaError) {
    return error.code === 'secret.missing'
      ? 'the eBarimt password is not set: run `kassa secrets set ebarimt.password`'
      : error.message;
  }
  if (error instanceof ProviderError) {
    return hints[error.kind] ?? error.message;
  }
  return `unexpected failure talking to ${where}`;
}

export async function doctorPosApi(ctx: ProviderContext, settings: EbarimtSettings): Promise<DoctorLine> {
  const provider = 'ebarimt.posapi';
  try {
    const info = await createPosApiClient(ctx, settings).info();
    const registered =
      settings.merchantTin === '' || info.merchants.some((m) => m.tin === settings.merchantTin);
    const detail = `PosAPI ${info.version} at ${settings.posApiUrl}: posNo ${info.posNo}, ${info.leftLotteries} lotteries left, last sent ${info.lastSentDate ?? 'never'}`;
    if (!registered) {
      return {
        provider,
        ok: false,
        detail: `${detail}; merchant TIN ${settings.merchantTin} is not registered in it`,
      };
    }
    return { provider, ok: true, detail };
  } catch (error) {
    return {
      provider,
      ok: false,
      detail: cause(error, settings.posApiUrl, {
        network: `PosAPI does not answer at ${settings.posApiUrl}: is the PosAPI service running and is webServicePort in posapi.ini the same port?`,
        timeout: `PosAPI at ${settings.posApiUrl} accepted the connection but did not answer in time: restart the PosAPI service`,
        unexpected:
          error instanceof ProviderError && error.status === 503
            ? 'PosAPI is not activated: log into its web page and activate it (503)'
            : `PosAPI at ${settings.posApiUrl} answered something that is not PosAPI 3.0 (${error instanceof Error ? error.message : 'unknown'})`,
      }),
    };
  }
}

export async function doctorEasyRegister(
  ctx: ProviderContext,
  settings: EbarimtSettings,
): Promise<DoctorLine> {
  const provider = 'ebarimt.easy-register';
  try {
    await createEasyRegisterClient(ctx, settings).checkToken();
    return {
      provider,
      ok: true,
      detail: `token obtained for ${settings.username} from ${new URL(settings.tokenUrl).origin}`,
    };
  } catch (error) {
    return {
      provider,
      ok: false,
      detail: cause(error, settings.tokenUrl, {
        auth: `ITC refused user "${settings.username}": check the username in Settings and \`kassa secrets set ebarimt.password\``,
        network: `cannot reach ${new URL(settings.tokenUrl).origin}: ITC hosts answer only from Mongolian networks (VPN?)`,
        timeout: `${new URL(settings.tokenUrl).origin} did not answer in time`,
      }),
    };
  }
}
