/**
 * `node --import tsx --import ./electron/testing/register-fake-electron.ts dist/electron/main.mjs`: see
 * fake-electron-loader.ts.
 */
import { register } from 'node:module';

register('./fake-electron-loader.ts', import.meta.url);
