/**
 * Contract tests of ITC's public taxpayer lookup against the eBarimt simulator: getTinInfo (7-digit company
 * register number → TIN) and getInfo (TIN → name), both zod-parsed; unknown numbers are values, drift and
 * transport failures are ProviderError.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError } from '../../errors';
import { startSimulatorServer } from '../../simulator-kit';
import { startEbarimtSimulators, type EbarimtSimulators } from '../simulators';
import { refusedUrl, testContext } from '../test-support';
import { createTaxpayerInfoClient, TAXPAYER_TEXT } from './client';

let sims: EbarimtSimulators;
beforeAll(async () => {
  sims = await startEbarimtSimulators();
});
afterAll(async () => {
  await sims.close();
});

const client = (taxpayerInfoUrl = sims.sandbox.settings.taxpayerInfoUrl) =>
  createTaxpayerInfoClient(testContext({}), { taxpayerInfoUrl });

describe('simulator: the public taxpayer lookup answers without a bearer token', () => {
  it('getTinInfo answers the TIN as a JSON number; getInfo the name and found', async () => {
    const base = sims.sandbox.settings.taxpayerInfoUrl;
    const tin = await (await fetch(`${base}api/info/check/getTinInfo?regNo=5012345`)).json();
    expect(tin).toEqual({ status: 200, msg: '', data: 37900012345 });
    const info = (await (await fetch(`${base}api/info/check/getInfo?tin=37900012345`)).json()) as {
      data: { name: string; found: boolean };
    };
    expect(info.data).toMatchObject({ name: 'Жишээ Трейд ХХК', found: true });
    const unknown = await (await fetch(`${base}api/info/check/getTinInfo?regNo=1111111`)).json();
    expect(unknown).toMatchObject({ status: 400, data: null });
  });
});

describe('taxpayer-info client', () => {
  it("converts a company's 7-digit register number to its 11-digit TIN", async () => {
    expect(await client().companyTin('5012345')).toEqual({ found: true, tin: '37900012345' });
  });

  it('reads the name of an 11- or 14-digit TIN', async () => {
    expect(await client().taxpayer('37900846788')).toEqual({
      found: true,
      tin: '37900846788',
      name: 'Говийн Зөгий ХХК',
      vatPayer: true,
    });
    expect(await client().taxpayer('10012345678901')).toMatchObject({
      found: true,
      name: 'Хан-Уул Сервис ХХК',
    });
  });

  it('an unknown register number or TIN is "not found" with a cashier text, not an error', async () => {
    expect(await client().companyTin('1111111')).toEqual({
      found: false,
      message: TAXPAYER_TEXT.companyNotFound,
    });
    expect(await client().taxpayer('37900000000')).toEqual({
      found: false,
      message: TAXPAYER_TEXT.tinNotFound,
    });
  });

  it('never sends what is not a register number or TIN', async () => {
    const calls: string[] = [];
    const ctx = testContext({});
    const spy = createTaxpayerInfoClient(
      {
        ...ctx,
        fetchImpl: (input) => {
          calls.push(input instanceof Request ? input.url : input.toString());
          return Promise.reject(new Error('must not be called'));
        },
      },
      { taxpayerInfoUrl: sims.sandbox.settings.taxpayerInfoUrl },
    );
    expect((await spy.companyTin('501234')).found).toBe(false);
    expect((await spy.taxpayer('5012345')).found).toBe(false);
    expect(calls).toEqual([]);
  });

  it('a drifted answer (no data, TIN of the wrong length) is an unexpected ProviderError', async () => {
    const drift = await startSimulatorServer((req) =>
      req.path.endsWith('getTinInfo')
        ? { status: 200, body: { status: 200, msg: '', data: 12345 } }
        : { status: 200, body: { status: 200, msg: '', data: { name: 'x' } } },
    );
    try {
      const error = await client(`${drift.url}/`)
        .companyTin('5012345')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProviderError);
      expect((error as ProviderError).kind).toBe('unexpected');
      const infoError = await client(`${drift.url}/`)
        .taxpayer('37900012345')
        .catch((e: unknown) => e);
      expect((infoError as ProviderError).kind).toBe('unexpected');
    } finally {
      await drift.close();
    }
  });

  it('an unreachable lookup is a network ProviderError (the cashier retries)', async () => {
    const error = await client(`${await refusedUrl()}/`)
      .companyTin('5012345')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).kind).toBe('network');
  });
});
