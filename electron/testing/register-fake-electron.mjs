// `node --import tsx --import ./electron/testing/register-fake-electron.mjs dist/electron/main.mjs`: see
// fake-electron-loader.mjs.
import { register } from 'node:module';

register('./fake-electron-loader.mjs', import.meta.url);
