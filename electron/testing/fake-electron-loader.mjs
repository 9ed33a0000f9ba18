// Node module hook for running the built Electron main (dist/electron/main.mjs) under Node: the bare specifier
// `electron` resolves to fake-electron-module.ts, which exports a FakeElectron's modules. Registered by
// register-fake-electron.mjs after tsx, so resolving it through `next` lets tsx load the TypeScript. Used only by
// electron/windows/main-under-node.test.ts.
export async function resolve(specifier, context, next) {
  if (specifier === 'electron') {
    return next('./fake-electron-module.ts', { ...context, parentURL: import.meta.url });
  }
  return next(specifier, context);
}
