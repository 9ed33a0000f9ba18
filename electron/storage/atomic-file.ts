import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';

/** Write a file so a crash leaves either the old or the new content, never half of one. Owner-only mode. */
export function writeFileAtomic(path: string, content: string, mode = 0o600): void {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  const fd = openSync(tmp, 'w', mode);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
