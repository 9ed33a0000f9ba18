/** The message of anything thrown, for logs and CLI output (never for a page: handle() decides what pages see). */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
