/**
 * `kassa` — the installers' and support scripts' way to drive a till without its screens.
 *   kassa [--data-dir DIR] invoke <channel> [json]      the result envelope as JSON; exit 0 ok, 1 error
 *   kassa [--data-dir DIR] settings get [path]
 *   kassa [--data-dir DIR] settings set <path> <json>    e.g. settings set country '"GE"'
 *   kassa [--data-dir DIR] secrets status
 *   kassa [--data-dir DIR] secrets set <name>            the value is read from stdin, never from argv
 *   kassa [--data-dir DIR] secrets clear <name>
 *   kassa [--data-dir DIR] managers list|add|pin|badge|remove NAME   PINs and badges from stdin only
 *   kassa [--data-dir DIR] profile check|set <profile> [--yes]        going live: checks, then a confirmed switch
 *   kassa [--data-dir DIR] catalog import FILE [--dry-run]   a CSV price list replaces the catalog (all or nothing)
 *   kassa [--data-dir DIR] catalog export FILE           the catalog as a CSV file the import reads back
 *   kassa [--data-dir DIR] doctor                        one line per configured provider; exit 1 on failure
 *   kassa [--data-dir DIR] serve [--port N]              the browser host (sandbox profile starts simulators)
 *   kassa [--data-dir DIR] display rotate-token          a new display token (the old display URL stops working)
 *   kassa [--data-dir DIR] cashier rotate-token          the same for the cashier page
 *   kassa sandbox                                         run the provider simulators alone and print their URLs
 * stdout carries results only; logs go to stderr. The CLI acts as the machine's operator: every channel is open to
 * it (docs/architecture.md §3.1).
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { CHANNEL_NAMES } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import { SECRET_NAMES, SecretNameSchema } from '../../shared/secrets';
import { createLogger, type Logger } from '../log/logger';
import { openNodeSettingsStore } from '../storage/settings';
import { untilSignal, type CliIo } from './cli-io';
import { runCatalogCommand } from './cli-catalog';
import { runManagersCommand, runProfileCommand } from './cli-staff';
import { runDoctor } from './doctor';
import { openNodeKassa, resolveDataDir } from './node-kassa';
import { pageUrls, rotatePairing } from './pairing';
import { errorText } from '../kernel/error-text';

export type { CliIo } from './cli-io';

export const USAGE = `Usage: kassa [--data-dir DIR] <command>

Commands:
  invoke <channel> [json]     call one IPC channel as the operator; prints the result envelope
  settings get [path]         print the settings (or one dotted path)
  settings set <path> <json>  change one setting, e.g.: kassa settings set country '"GE"'
  secrets status              which secrets are set (never their values)
  secrets set <name>          store a secret read from standard input
  secrets clear <name>        remove a secret
  managers list               the till's managers (never their PINs)
  managers add NAME           add a manager; the PIN (4–12 digits) is read from standard input
  managers pin NAME           change a manager's PIN (read from standard input)
  managers badge NAME         set the badge a manager may scan instead (read from standard input);
                              --remove takes it away
  managers remove NAME        remove a manager
  profile check <profile>     run the checks of staging or production against the saved settings
  profile set <profile> --yes switch sandbox / staging / production (live profiles only when checks pass)
  catalog import FILE         replace the catalog from a CSV price list (all rows or none; errors by line);
                              --dry-run checks every row and changes nothing
  catalog export FILE         write the catalog as CSV (the import reads it back)
  doctor                      check settings, vault and every configured provider
  serve [--port N]            start the browser host and print the cashier and display URLs
                              (port: settings browserHost.port, 4780 unless changed)
  display rotate-token        replace the customer display's token; prints the new display URL
  cashier rotate-token        replace the cashier page's token; prints the new cashier URL
  sandbox                     run every provider simulator on 127.0.0.1 and print their URLs (Ctrl+C stops)

Secret names: ${SECRET_NAMES.join(', ')}
Channels: ${CHANNEL_NAMES.join(', ')}
`;

function print(io: CliIo, envelope: Envelope<unknown>): number {
  io.stdout(`${JSON.stringify(envelope, null, 2)}\n`);
  return envelope.ok ? 0 : 1;
}

function getPath(value: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) =>
        node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined,
      value,
    );
}

function setPath(value: Record<string, unknown>, path: string, next: unknown): void {
  const keys = path.split('.');
  let node: Record<string, unknown> = value;
  for (const key of keys.slice(0, -1)) {
    const child = node[key];
    if (child === null || typeof child !== 'object') {
      throw new Error(`settings has no section "${key}" in "${path}"`);
    }
    node = child as Record<string, unknown>;
  }
  const last = keys.at(-1);
  if (last === undefined || !(last in node)) {
    throw new Error(`settings has no field "${path}"`);
  }
  node[last] = next;
}

function parseJsonArg(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`${what} must be JSON (strings in quotes: '"GE"'); got ${text}`);
  }
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        yes: { type: 'boolean' },
        remove: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.stderr(`${errorText(error)}\n\n${USAGE}`);
    return 2;
  }
  const [command, sub, ...rest] = parsed.positionals;
  if (parsed.values.help === true || command === undefined) {
    io.stdout(USAGE);
    return command === undefined && parsed.values.help !== true ? 2 : 0;
  }
  let port: number | undefined;
  if (parsed.values.port !== undefined) {
    port = Number(parsed.values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      io.stderr(`kassa: --port must be a port number (0–65535); got ${parsed.values.port}\n`);
      return 2;
    }
  }
  const dataDir = resolveDataDir(parsed.values['data-dir'], io.env);
  const { logger, redactor } = createLogger({ level: io.env.KASSA_LOG_LEVEL ?? 'warn' });
  if (command === 'display' || command === 'cashier') {
    // Meant for a running till (it re-reads the tokens), so it does not open the core: the owner lock is the
    // running host's (storage/owner-lock.ts).
    return rotateTokenCommand({ io, dataDir, command, sub, rest, port, logger });
  }
  let node;
  try {
    // `serve` is the browser host: app:info says so, and scanners are hot-plugged as in any running till.
    node = openNodeKassa({
      dataDir,
      host: command === 'serve' ? 'browser' : 'cli',
      logger,
      redactor,
      env: io.env,
    });
  } catch (error) {
    io.stderr(`kassa: ${redactor.text(errorText(error))}\n`);
    return 1;
  }
  const { kassa } = node;
  try {
    switch (command) {
      case 'invoke': {
        if (sub === undefined) {
          io.stderr('kassa invoke <channel> [json]\n');
          return 2;
        }
        return print(
          io,
          await kassa.invoke(
            'operator',
            sub,
            rest[0] === undefined ? {} : parseJsonArg(rest[0], 'the input'),
          ),
        );
      }
      case 'settings': {
        const current = await kassa.invoke('operator', 'settings:get', {});
        if (!current.ok) {
          return print(io, current);
        }
        if (sub === 'get') {
          const value = rest[0] === undefined ? current.value : getPath(current.value, rest[0]);
          if (value === undefined) {
            io.stderr(`kassa: settings has no field "${rest[0] ?? ''}"\n`);
            return 1;
          }
          io.stdout(`${JSON.stringify(value, null, 2)}\n`);
          return 0;
        }
        if (sub === 'set' && rest.length === 2 && rest[0] !== undefined && rest[1] !== undefined) {
          const next = structuredClone(current.value) as Record<string, unknown>;
          setPath(next, rest[0], parseJsonArg(rest[1], 'the value'));
          return print(io, await kassa.invoke('operator', 'settings:set', { settings: next }));
        }
        io.stderr('kassa settings get [path] | kassa settings set <path> <json>\n');
        return 2;
      }
      case 'secrets': {
        if (sub === 'status') {
          return print(io, await kassa.invoke('operator', 'secrets:status', {}));
        }
        if ((sub === 'set' || sub === 'clear') && rest.length === 1 && rest[0] !== undefined) {
          const name = SecretNameSchema.safeParse(rest[0]);
          if (!name.success) {
            io.stderr(`kassa: unknown secret "${rest[0]}". Known: ${SECRET_NAMES.join(', ')}\n`);
            return 2;
          }
          if (sub === 'clear') {
            return print(io, await kassa.invoke('operator', 'secrets:clear', { name: name.data }));
          }
          const value = (await io.readStdin()).replace(/\r?\n$/, '');
          return print(io, await kassa.invoke('operator', 'secrets:set', { name: name.data, value }));
        }
        if (sub === 'set' && rest.length > 1) {
          io.stderr(
            'kassa: a secret is never taken from the command line (it would land in shell history). Pipe it on stdin.\n',
          );
          return 2;
        }
        io.stderr('kassa secrets status | set <name> (value on stdin) | clear <name>\n');
        return 2;
      }
      case 'managers':
        return await runManagersCommand(
          { kassa, io, print: (envelope) => print(io, envelope) },
          sub,
          rest,
          parsed.values.remove === true,
        );
      case 'profile':
        return await runProfileCommand(
          { kassa, io, print: (envelope) => print(io, envelope) },
          sub,
          rest,
          parsed.values.yes === true,
        );
      case 'catalog':
        return await runCatalogCommand(
          { kassa, io, print: (envelope) => print(io, envelope) },
          sub,
          rest,
          parsed.values['dry-run'] === true,
        );
      case 'doctor': {
        const lines = await runDoctor(node);
        for (const line of lines) {
          io.stdout(
            `${line.ok ? 'ok  ' : 'FAIL'}  ${line.provider.padEnd(12)} ${redactor.text(line.detail)}\n`,
          );
        }
        return lines.every((l) => l.ok) ? 0 : 1;
      }
      case 'sandbox': {
        const { startSandboxSimulators } = await import('../sandbox/simulators');
        const sims = await startSandboxSimulators();
        const urls = sims.overlay(node.settings.get().providers);
        io.stdout(
          [
            'Provider simulators on 127.0.0.1 (test credentials are generated per run and held in memory):',
            `  socialpay  ${urls.socialpay.baseUrl}`,
            `  pocket     ${urls.pocket.baseUrl}  (sso ${urls.pocket.ssoUrl})`,
            `  posapi     ${urls.ebarimt.posApiUrl}`,
            `  easy-reg   ${urls.ebarimt.easyRegisterUrl}`,
            `  bog        ${urls.bog.paymentsBaseUrl}  (ipay ${urls.bog.ipayBaseUrl})`,
            `  baas       ${urls.baas.baseUrl}`,
            'Ctrl+C stops.',
            '',
          ].join('\n'),
        );
        await (io.stopped ?? untilSignal());
        await sims.close();
        return 0;
      }
      case 'serve': {
        const { serveBrowserHost } = await import('./serve');
        await serveBrowserHost({ node, ...(port === undefined ? {} : { port }), io });
        return 0;
      }
      default:
        io.stderr(`kassa: unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    io.stderr(`kassa: ${redactor.text(errorText(error))}\n`);
    return 1;
  } finally {
    if (command !== 'serve') {
      await kassa.close();
    }
  }
}

function rotateTokenCommand(options: {
  io: CliIo;
  dataDir: string;
  command: 'display' | 'cashier';
  sub: string | undefined;
  rest: string[];
  port: number | undefined;
  logger: Logger;
}): number {
  const { io, command } = options;
  if (options.sub !== 'rotate-token' || options.rest.length > 0) {
    io.stderr(`kassa ${command} rotate-token\n`);
    return 2;
  }
  const tokens = rotatePairing(options.dataDir, command, options.logger);
  const configured = openNodeSettingsStore(options.dataDir, options.logger).get().browserHost.port;
  const urls = pageUrls(`http://127.0.0.1:${String(options.port ?? configured)}`, tokens);
  io.stdout(
    [
      `New ${command} token. A running browser host drops the pages still using the old one within seconds.`,
      `  ${command === 'display' ? 'Display' : 'Cashier'}: ${command === 'display' ? urls.displayUrl : urls.cashierUrl}`,
      '',
    ].join('\n'),
  );
  return 0;
}

/** Read stdin; on a terminal, read one line without echoing it, after `prompt`. */
export async function readStdin(prompt = 'Secret'): Promise<string> {
  if (process.stdin.isTTY) {
    process.stderr.write(`${prompt} (input hidden), then Enter: `);
    const muted = new Writable({
      write(_chunk, _enc, done) {
        done();
      },
    });
    const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
    const line = await new Promise<string>((resolve) => rl.once('line', resolve));
    rl.close();
    process.stderr.write('\n');
    return line;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  }
  return Buffer.concat(chunks).toString('utf8');
}
