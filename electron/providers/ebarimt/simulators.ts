/**
 * Starts the PosAPI and Easy Register simulators together and links them the way the real systems are linked
 * through ITC's central database: Easy Register's approveQr accepts exactly the qrData the PosAPI simulator
 * issued (and knows whether it was B2B, deleted or already registered by consumerNo), and PosAPI marks a
 * receipt `easy` only when its consumerNo is an Easy Register citizen.
 * `sandbox` is what the sandbox profile writes into settings and the vault (generated per start).
 */
import { SANDBOX_FREE_ITEM_CODE } from '../../../shared/product-codes';
import type { EbarimtSettings } from '../../../shared/settings/ebarimt';
import { startEasyRegisterSimulator, type EasyRegisterSimulator } from './easy-register/simulator';
import { startPosApiSimulator, type PosApiSimulator } from './posapi/simulator';

export interface EbarimtSandbox {
  settings: EbarimtSettings;
  secrets: { 'ebarimt.password': string };
}

export interface EbarimtSimulators {
  posApi: PosApiSimulator;
  easyRegister: EasyRegisterSimulator;
  sandbox: EbarimtSandbox;
  close(): Promise<void>;
}

export async function startEbarimtSimulators(
  options: { now?: () => number; tokenLifetimeMs?: number } = {},
): Promise<EbarimtSimulators> {
  // Late-bound: each simulator needs the other, so the lookups read through these variables.
  let posApi: PosApiSimulator | undefined;
  const easyRegister = await startEasyRegisterSimulator({
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.tokenLifetimeMs === undefined ? {} : { tokenLifetimeMs: options.tokenLifetimeMs }),
    lookupQr: (qrData) => posApi?.lookupQr(qrData),
  });
  try {
    posApi = await startPosApiSimulator({
      ...(options.now === undefined ? {} : { now: options.now }),
      isKnownConsumer: (customerNo) => easyRegister.hasCustomer(customerNo),
    });
  } catch (error) {
    await easyRegister.close();
    throw error;
  }
  const pos = posApi;
  return {
    posApi: pos,
    easyRegister,
    sandbox: {
      settings: {
        enabled: true,
        posApiUrl: pos.url,
        easyRegisterUrl: easyRegister.easyRegisterUrl,
        tokenUrl: easyRegister.tokenUrl,
        taxpayerInfoUrl: easyRegister.taxpayerInfoUrl,
        username: easyRegister.credentials.username,
        merchantTin: pos.identity.merchantTin,
        posNo: pos.identity.posNo,
        districtCode: '3401',
        branchNo: '001',
        freeItemClassificationCode: SANDBOX_FREE_ITEM_CODE,
        cityTaxBasisPoints: 200,
      },
      secrets: { 'ebarimt.password': easyRegister.credentials.password },
    },
    close: async () => {
      await Promise.all([pos.close(), easyRegister.close()]);
    },
  };
}
