/**
 * ITC rule: qrData and lottery are printed and never stored — not in logs, not on disk. And no secret
 * (password, access/refresh token) in any log line or error message. The whole receipt → approval flow runs
 * with a capturing logger, including the error paths, and then everything it produced is searched.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDataDir } from '../../kernel/testing/temp-dir';
import { createEasyRegisterClient } from './easy-register/client';
import { createPosApiClient } from './posapi/client';
import { startEbarimtSimulators, type EbarimtSimulators } from './simulators';
import { sampleReceipt, testContext } from './test-support';

let sims: EbarimtSimulators;
const temp = tempDataDir('kassa-ebarimt-');
beforeAll(async () => {
  sims = await startEbarimtSimulators();
});
afterAll(async () => {
  await sims.close();
  temp.cleanup();
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
}

describe('eBarimt compliance: nothing printable or secret leaks', () => {
  it('a receipt + approval flow (with failures) logs and writes no qrData, lottery, password or token', async () => {
    const ctx = testContext(sims.sandbox.secrets, { timeoutMs: 300 });
    const posApi = createPosApiClient(ctx, sims.sandbox.settings);
    const easy = createEasyRegisterClient(ctx, sims.sandbox.settings);
    const errors: string[] = [];
    const note = (error: unknown) => {
      errors.push(error instanceof Error ? `${error.message} ${JSON.stringify(error)}` : String(error));
    };

    const issued = await posApi.issueReceipt(sampleReceipt({ billIdSuffix: '000901' }));
    const { qrData, lottery } = issued.printable;
    expect(qrData).toMatch(/^\d{200}$/);
    expect(lottery).toMatch(/^[A-Z]{2} \d{8}$/);

    // A caller that journals the record — and one that carelessly logs or writes the whole result.
    writeFileSync(join(temp.dir, 'journal.json'), JSON.stringify({ receipt: issued.record }));
    writeFileSync(join(temp.dir, 'careless.json'), JSON.stringify(issued));
    ctx.logger.info({ issued }, 'caller logged the whole issued receipt');

    const citizen = await easy.lookupByRegNo('УБ99112233');
    expect(citizen.found).toBe(true);
    expect((await easy.approveQr({ customerNo: '10038071', qrData })).outcome).toBe('approved');
    // Mid-flow expiry (401 → re-auth), a repeat, a timeout, a drifted answer and a refused duplicate.
    sims.easyRegister.expireTokens();
    expect((await easy.approveQr({ customerNo: '10038071', qrData })).outcome).toBe('alreadyApproved');
    sims.easyRegister.failNext('hang');
    await easy.approveQr({ customerNo: '10038071', qrData }).catch(note);
    sims.easyRegister.dropFieldNext('code');
    await easy.approveQr({ customerNo: '10038071', qrData }).catch(note);
    await posApi.issueReceipt(sampleReceipt({ billIdSuffix: '000901' })).catch(note);
    sims.posApi.dropFieldNext('qrData');
    await posApi.issueReceipt(sampleReceipt({ billIdSuffix: '000902' })).catch(note);
    // Wrong credentials on a second client sharing the same logger.
    const wrong = createEasyRegisterClient(
      { ...ctx, secret: () => Promise.resolve('wrong-password-value') },
      sims.sandbox.settings,
    );
    await wrong.approveQr({ customerNo: '10038071', qrData }).catch(note);
    expect(errors).toHaveLength(5);

    const password = sims.sandbox.secrets['ebarimt.password'];
    const tokens = sims.easyRegister.requests
      .map((r) => /^Bearer (\S+)$/.exec(r.headers.authorization ?? '')?.[1])
      .filter((t): t is string => t !== undefined);
    expect(tokens.length).toBeGreaterThan(3);
    const forbidden = [qrData, qrData.slice(0, 40), lottery, lottery.slice(3), password, ...new Set(tokens)];

    // The flow did log (so the search below is meaningful), including the lines about this receipt.
    const logText = ctx.lines.join('\n');
    expect(logText).toContain('receipt issued');
    expect(logText).toContain('000901');
    expect(logText).toContain('approveQr answered');
    const onDisk = filesUnder(temp.dir).join('\n');
    expect(onDisk).toContain(issued.record.id);
    const errorText = errors.join('\n');
    for (const value of forbidden) {
      expect(logText).not.toContain(value);
      expect(onDisk).not.toContain(value);
      expect(errorText).not.toContain(value);
    }
    expect(errorText).not.toContain('wrong-password-value');
    expect(logText).not.toContain('wrong-password-value');
  });
});
