// electron-builder afterPack hook (electron-builder.yml `afterPack`): fails the build when the packed app lacks the
// target's native packages or prebuilds (packaging/native-packages.mjs). It runs after the app and extra resources
// are copied and before fuses and signing, so no artifact is made from an app that cannot load main.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { missingNative, missingNativeMessage, nodeArchesOf } from './native-packages.mjs';

/** @param {import('electron-builder').AfterPackContext} context */
export default function afterPack(context) {
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  const arches = nodeArchesOf(context.arch);
  const resources = context.packager.getResourcesDir(context.appOutDir);
  const missing = missingNative(join(resources, 'app.asar.unpacked', 'node_modules'), platform, arches);
  if (missing.length > 0) {
    const installed = missing.filter((m) =>
      existsSync(join(context.packager.projectDir, 'node_modules', m.path)),
    );
    throw new Error(missingNativeMessage(platform, arches, missing, installed));
  }
}
