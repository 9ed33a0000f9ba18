/** The terminal a CLI command talks to; tests pass a recording one. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The whole of standard input (`secrets set`, manager PINs); on a terminal one hidden line after `prompt`. */
  readStdin: (prompt?: string) => Promise<string>;
  env: NodeJS.ProcessEnv;
}
