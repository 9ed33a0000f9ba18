/**
 * `kassa managers …` and `kassa profile …`: what the machine's operator does about who may manage the till and
 * whether it is live (docs/architecture.md §3.1). PINs and badge codes come from standard
 * input only, never from argv (shell history, process lists).
 */
import type { Envelope } from '../../shared/errors';
import type { Kassa } from '../core/kassa';
import type { CliIo } from './cli-io';

interface StaffCli {
  kassa: Kassa;
  io: CliIo;
  print(envelope: Envelope<unknown>): number;
}

const MANAGERS_USAGE =
  'kassa managers list | add NAME | pin NAME | badge NAME [--remove] | remove NAME  (PIN or badge on stdin)\n';
const PROFILE_USAGE = 'kassa profile check <staging|production> | kassa profile set <profile> --yes\n';

/** One line of stdin without its line ending. */
async function oneLine(io: CliIo, prompt: string): Promise<string> {
  return (await io.readStdin(prompt)).replace(/\r?\n$/, '');
}

export async function runManagersCommand(
  cli: StaffCli,
  sub: string | undefined,
  rest: readonly string[],
  removeBadge: boolean,
): Promise<number> {
  const { kassa, io } = cli;
  const name = rest[0];
  if (sub === 'list') {
    return cli.print(await kassa.invoke('operator', 'managers:list', {}));
  }
  if (name === undefined || rest.length > 1) {
    if (rest.length > 1) {
      io.stderr('kassa: a PIN or badge is never taken from the command line. Pipe it on stdin.\n');
    }
    io.stderr(MANAGERS_USAGE);
    return 2;
  }
  switch (sub) {
    case 'add':
      return cli.print(
        await kassa.invoke('operator', 'managers:add', { name, pin: await oneLine(io, 'PIN (4–12 digits)') }),
      );
    case 'pin':
      return cli.print(
        await kassa.invoke('operator', 'managers:set-pin', {
          name,
          pin: await oneLine(io, 'New PIN (4–12 digits)'),
        }),
      );
    case 'badge':
      return cli.print(
        await kassa.invoke('operator', 'managers:set-badge', {
          name,
          badge: removeBadge ? null : await oneLine(io, 'Scan the badge'),
        }),
      );
    case 'remove':
      return cli.print(await kassa.invoke('operator', 'managers:remove', { name }));
    case undefined:
    default:
      io.stderr(MANAGERS_USAGE);
      return 2;
  }
}

export async function runProfileCommand(
  cli: StaffCli,
  sub: string | undefined,
  rest: readonly string[],
  confirmed: boolean,
): Promise<number> {
  const { kassa, io } = cli;
  const profile = rest[0];
  if (profile === undefined || rest.length > 1) {
    io.stderr(PROFILE_USAGE);
    return 2;
  }
  if (sub === 'check') {
    const result = await kassa.invoke('operator', 'profile:check', { profile });
    if (!result.ok) {
      return cli.print(result);
    }
    const lines = result.value as { provider: string; ok: boolean; detail: string }[];
    for (const line of lines) {
      io.stdout(`${line.ok ? 'ok  ' : 'FAIL'}  ${line.provider.padEnd(12)} ${line.detail}\n`);
    }
    return lines.every((l) => l.ok) ? 0 : 1;
  }
  if (sub === 'set') {
    if (!confirmed) {
      io.stderr(`kassa: switching to ${profile} changes what this till does with real money; add --yes.\n`);
      return 2;
    }
    return cli.print(await kassa.invoke('operator', 'profile:switch', { profile, confirm: true }));
  }
  io.stderr(PROFILE_USAGE);
  return 2;
}
