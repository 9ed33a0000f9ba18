/**
 * The Electron app's log file. A till started from the desktop menu or at login has no terminal, so stderr goes
 * nowhere: every line is also written, as JSON (already redacted by logger.ts), to `kassa.log` in the app's logs
 * folder (`app.getPath('logs')`: ~/.config/Kassa/logs on Linux, ~/Library/Logs/Kassa on macOS,
 * %APPDATA%\Kassa\logs on Windows). The file is owner-only and written synchronously, so the last lines before a
 * crash are on disk. One older generation is kept: at start a file over MAX_LOG_BYTES becomes `kassa.old.log`.
 */
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pino, type DestinationStream } from 'pino';

export const LOG_FILE_NAME = 'kassa.log';
export const OLD_LOG_FILE_NAME = 'kassa.old.log';
export const MAX_LOG_BYTES = 10 * 1024 * 1024;

/** Opens (and rotates) the log file; returns its path and a destination that writes to it. */
export function openLogFile(
  logsDir: string,
  maxBytes: number = MAX_LOG_BYTES,
): { path: string; stream: DestinationStream } {
  mkdirSync(logsDir, { recursive: true, mode: 0o700 });
  const path = join(logsDir, LOG_FILE_NAME);
  if (existsSync(path) && statSync(path).size > maxBytes) {
    renameSync(path, join(logsDir, OLD_LOG_FILE_NAME));
  }
  return { path, stream: pino.destination({ dest: path, sync: true, mode: 0o600, append: true }) };
}

/** Every line to each destination (stderr and the file). */
export function teeDestination(streams: readonly DestinationStream[]): DestinationStream {
  return {
    write(line: string) {
      for (const stream of streams) {
        stream.write(line);
      }
    },
  };
}
