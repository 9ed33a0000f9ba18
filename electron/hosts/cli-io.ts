/** The terminal a CLI command talks to; tests pass a recording one. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The whole of standard input (for `secrets set`). */
  readStdin: () => Promise<string>;
  env: NodeJS.ProcessEnv;
  /** Resolves when a long-running command (serve) should stop; by default on SIGINT or SIGTERM. */
  stopped?: Promise<void>;
}

/** SIGINT or SIGTERM, whichever comes first. */
export function untilSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', () => {
      resolve();
    });
    process.once('SIGTERM', () => {
      resolve();
    });
  });
}
