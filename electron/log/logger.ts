/**
 * Logging through pino, with every line passed through the one Redactor first. Components get a child
 * logger named for what they are: `logger.child({ component: 'socialpay' })`.
 *
 * Lines go to stderr (CLI stdout stays machine-readable): one human-readable line each on a terminal
 * (pino-pretty), JSON when stderr is a pipe or a file (log collectors, tests). KASSA_LOG_FORMAT=json|pretty
 * overrides the choice.
 */
import pinoPretty from 'pino-pretty';
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import { Redactor } from './redact';

export type LogFormat = 'json' | 'pretty';

/** pretty on a terminal, json otherwise; KASSA_LOG_FORMAT wins. */
export function logFormat(
  env: NodeJS.ProcessEnv = process.env,
  isTty: boolean = process.stderr.isTTY,
): LogFormat {
  const asked = env.KASSA_LOG_FORMAT;
  if (asked === 'json' || asked === 'pretty') {
    return asked;
  }
  return isTty ? 'pretty' : 'json';
}

/** A destination that turns each JSON line into one readable line (time, level, component, message, fields). */
export function prettyDestination(
  write: (text: string) => void,
  colorize: boolean = process.stderr.isTTY && process.env.NO_COLOR === undefined,
): DestinationStream {
  const format = pinoPretty.prettyFactory({
    colorize,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    messageFormat: '{if component}[{component}] {end}{msg}',
    ignore: 'component',
    // Errors stay on the line too (the redactor has already dropped their stacks).
    errorLikeObjectKeys: [],
  });
  return {
    write(line: string) {
      write(format(line));
    },
  };
}

/** stderr, pretty on a terminal and JSON otherwise (logFormat). */
export function stderrDestination(): DestinationStream {
  return logFormat() === 'pretty'
    ? prettyDestination((text) => process.stderr.write(text))
    : pino.destination(2);
}

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
    options.destination ?? stderrDestination(),
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
