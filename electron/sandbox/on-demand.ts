/**
 * The hosts' way to hand the simulators to createKassa: they are loaded only when a till in the sandbox
 * profile first needs a provider, so a till in production never loads simulator code.
 */
import type { StartSandbox } from './types';

export const startSandboxOnDemand: StartSandbox = () =>
  import('./simulators').then((m) => m.startSandboxSimulators());
