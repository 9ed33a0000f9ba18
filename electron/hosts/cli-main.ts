/** Entry point of the `kassa` binary (bundled to dist/cli.mjs). */
import { readStdin, runCli } from './cli';

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin,
  env: process.env,
});
process.exitCode = code;
