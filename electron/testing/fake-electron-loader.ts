/**
 * Node module hook for running the built Electron main (dist/electron/main.mjs) under Node: the bare specifier
 * `electron` resolves to fake-electron-module.ts, which exports a FakeElectron's modules. Registered by
 * register-fake-electron.ts after tsx, so resolving it through `next` lets tsx load the TypeScript. Used only by
 * electron/windows/main-under-node.test.ts.
 */
import type { ResolveHook } from 'node:module';

export const resolve: ResolveHook = (specifier, context, next) =>
  specifier === 'electron'
    ? next('./fake-electron-module.ts', { ...context, parentURL: import.meta.url })
    : next(specifier, context);
