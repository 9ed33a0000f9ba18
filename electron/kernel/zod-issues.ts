/** zod issues in the contract's `{ path, message }` shape, used by the gate and by every file-format check. */
import type { z } from 'zod';
import type { IpcError } from '../../shared/errors';

export type Issues = NonNullable<IpcError['issues']>;

export function issuesOf(error: z.ZodError): Issues {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** The first few issues as one line: `path: message; path: message`. */
export function describeIssues(issues: Issues, max = 3): string {
  return issues
    .slice(0, max)
    .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
    .join('; ');
}
