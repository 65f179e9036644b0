/**
 * The server's structured log (pino). `json`: one JSON object per line on stdout, for log
 * collectors; `pretty`: one readable line per record (the default on a terminal). Every
 * record has `time`, `level` and `msg`, and a `component` (neo4j, seeds, http, health…).
 *
 * Contract: nothing secret is logged — no API key, key hash, password or request body;
 * request errors are logged by graphql-yoga as masked errors with their cause.
 */
import { pino, stdTimeFunctions, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface LogOptions {
  level: LogLevel;
  format: LogFormat;
}

export function createLogger({ level, format }: LogOptions): Logger {
  const options = { level, base: undefined, timestamp: stdTimeFunctions.isoTime };
  if (format === 'json') return pino(options);
  return pino(
    options,
    pretty({
      sync: true,
      colorize: process.stdout.isTTY,
      translateTime: 'HH:MM:ss',
      ignore: 'component',
      messageFormat: '{if component}[{component}] {end}{msg}',
    }),
  );
}

/** A `(line) => void` callback, as the loader, the launcher and the health monitor take. */
export const lineLogger =
  (logger: Logger, level: 'info' | 'warn' = 'info') =>
  (line: string): void =>
    logger[level](line);
