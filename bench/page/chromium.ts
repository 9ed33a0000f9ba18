/** Debian's Chromium for the bench's page figures, launched as the e2e tests launch it (playwright.config.ts). */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

export function launchChromium(): Promise<Browser> {
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (p): p is string => typeof p === 'string' && p !== '' && existsSync(p),
  );
  if (executablePath === undefined) {
    throw new Error('No Chromium found: install it (apt-get install -y chromium) or set CHROMIUM_PATH.');
  }
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
      '--disable-quic',
    ],
  });
}
