/** The terminal a CLI command talks to; tests pass a recording one. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The whole of standard input (for `secrets set`). */
  readStdin: () => Promise<string>;
  env: NodeJS.ProcessEnv;
}
