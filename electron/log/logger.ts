/**
 * Logging through pino, with every line passed through the one Redactor first. Components get a child
 * logger named for what they are: `logger.child({ component: 'socialpay' })`.
 */
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import { Redactor } from './redact';

export type Logger = Pick<PinoLogger, 'debug' | 'info' | 'warn' | 'error' | 'child'>;

export interface LoggerOptions {
  level?: string;
  /** Where lines go; defaults to stderr so CLI stdout stays machine-readable. */
  destination?: DestinationStream;
  redactor?: Redactor;
}

export function createLogger(options: LoggerOptions = {}): { logger: Logger; redactor: Redactor } {
  const redactor = options.redactor ?? new Redactor();
  const logger = pino(
    {
      level: options.level ?? process.env.KASSA_LOG_LEVEL ?? 'info',
      base: undefined,
      hooks: {
        // Scrub every argument — merge objects and message strings alike — before pino serialises them.
        logMethod(args, method) {
          const scrubbed = args.map((arg: unknown) => redactor.value(arg)) as Parameters<typeof method>;
          method.apply(this, scrubbed);
        },
      },
      formatters: {
        bindings(bindings) {
          return redactor.value(bindings) as Record<string, unknown>;
        },
      },
    },
    options.destination ?? pino.destination(2),
  );
  return { logger, redactor };
}

/** A logger that writes into an array: tests search it for secrets. */
export function createCapturingLogger(level = 'debug'): {
  logger: Logger;
  redactor: Redactor;
  lines: string[];
} {
  const lines: string[] = [];
  const destination: DestinationStream = {
    write(line: string) {
      lines.push(line);
    },
  };
  const { logger, redactor } = createLogger({ level, destination });
  return { logger, redactor, lines };
}
