/**
 * Configuration, parsed and validated once at start from the environment.
 *
 * Every variable is documented in README.md ("Configuration"). A bad value stops the
 * process with a message naming the variable, the value and what was expected.
 */
import path from 'node:path';
import { z } from 'zod';

import { LOG_FORMATS, LOG_LEVELS, type LogOptions } from '../log/logger.ts';
import { projectRoot } from './project-root.ts';

/** Password of the local Neo4j (and of docker compose) when NEO4J_PASSWORD is unset. */
export const DEFAULT_LOCAL_PASSWORD = 'negotiation';

const port = (name: string, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 65535) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a port number 1-65535` });
        return z.NEVER;
      }
      return n;
    });

const size = (name: string, fallback: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : v.trim().toLowerCase()))
    .refine((v) => /^\d+[mg]$/.test(v), { message: `${name} must look like 512m or 2g` });

const bool = (name: string, fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      if (['1', 'true', 'yes'].includes(v.toLowerCase())) return true;
      if (['0', 'false', 'no'].includes(v.toLowerCase())) return false;
      ctx.addIssue({ code: 'custom', message: `${name} must be true or false` });
      return z.NEVER;
    });

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v));

const EnvSchema = z
  .object({
    PORT: port('PORT', 4000),
    HOST: optionalString.transform((v) => v ?? '127.0.0.1'),
    NEO4J_URI: optionalString.refine(
      (v) => v === undefined || /^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^/]+/.test(v),
      { message: 'NEO4J_URI must look like bolt://host:7687, neo4j://host or neo4j+s://host' },
    ),
    NEO4J_USER: optionalString.transform((v) => v ?? 'neo4j'),
    NEO4J_PASSWORD: optionalString,
    NEO4J_DATABASE: optionalString,
    NEO4J_LOCAL_PORT: port('NEO4J_LOCAL_PORT', 7687),
    NEO4J_LOCAL_DIR: optionalString,
    NEO4J_LOCAL_HEAP: size('NEO4J_LOCAL_HEAP', '1g'),
    NEO4J_LOCAL_PAGECACHE: size('NEO4J_LOCAL_PAGECACHE', '512m'),
    LOAD_SEEDS: bool('LOAD_SEEDS', true),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    LOG_FORMAT: z.enum(LOG_FORMATS).optional(),
    CORS_ORIGINS: z
      .string()
      .optional()
      .transform((v, ctx) => {
        const origins = (v ?? '')
          .split(',')
          .map((o) => o.trim())
          .filter((o) => o !== '');
        for (const origin of origins) {
          if (!isOrigin(origin)) {
            ctx.addIssue({
              code: 'custom',
              message: `CORS_ORIGINS must be a comma-separated list of origins such as https://example.org or http://localhost:5173 (scheme, host and optional port; no path, no *): '${origin}' is not one`,
            });
            return z.NEVER;
          }
        }
        return origins;
      }),
    READS_REQUIRE_KEY: bool('READS_REQUIRE_KEY', false),
    WARM_UP_LOG: optionalString,
    WARM_UP_OPERATIONS: optionalString,
    WARM_UP_MAX: optionalString.transform((v, ctx) => {
      if (v === undefined) return 40;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 200) {
        ctx.addIssue({ code: 'custom', message: 'WARM_UP_MAX must be a whole number 0-200' });
        return z.NEVER;
      }
      return n;
    }),
    WARM_UP_BUDGET_MS: optionalString.transform((v, ctx) => {
      if (v === undefined) return 3000;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 600_000) {
        ctx.addIssue({
          code: 'custom',
          message: 'WARM_UP_BUDGET_MS must be a whole number of milliseconds 0-600000',
        });
        return z.NEVER;
      }
      return n;
    }),
    WRITE_RATE_LIMIT: optionalString.transform((v, ctx) => {
      if (v === undefined) return 60;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) {
        ctx.addIssue({ code: 'custom', message: 'WRITE_RATE_LIMIT must be a whole number ≥ 1' });
        return z.NEVER;
      }
      return n;
    }),
  })
  .superRefine((env, ctx) => {
    if (env.NEO4J_URI !== undefined && env.NEO4J_PASSWORD === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['NEO4J_PASSWORD'],
        message: 'NEO4J_PASSWORD is required when NEO4J_URI is set',
      });
    }
    if (
      env.NEO4J_URI === undefined &&
      env.NEO4J_PASSWORD !== undefined &&
      env.NEO4J_PASSWORD.length < 8
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['NEO4J_PASSWORD'],
        message:
          'NEO4J_PASSWORD must be at least 8 characters (Neo4j minimum) for the local server',
      });
    }
  });

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

/** Where the graph lives: a server we start ourselves, or one somebody else runs. */
export type Neo4jTarget =
  | {
      kind: 'local';
      port: number;
      storeDir: string;
      heap: string;
      pagecache: string;
      password: string;
    }
  | { kind: 'remote'; uri: string; user: string; password: string };

export interface Config {
  http: {
    port: number;
    host: string;
    /** Origins allowed to read API responses cross-origin; empty: same origin only. */
    corsOrigins: string[];
  };
  neo4j: Neo4jTarget;
  /** Database name; undefined means the server's default database. */
  database: string | undefined;
  loadSeeds: boolean;
  /** The server's log: level, and JSON lines or readable lines (default: readable on a terminal). */
  log: LogOptions;
  /** API keys: whether reads need a key, and writes per minute per key. */
  auth: { readsRequireKey: boolean; writesPerMinute: number };
  /**
   * Warm start (src/server/operation-log.ts): the file where the queries clients ask are
   * remembered (undefined: WARM_UP_LOG=off, nothing remembered), how many of the most asked
   * the next start warms, how long those may hold /ready back (the rest are warmed after it),
   * and an operator's own list of operations to warm (always before /ready).
   */
  warmUp: {
    logFile: string | undefined;
    max: number;
    budgetMs: number;
    operationsFile: string | undefined;
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '');
      const value = name ? env[name] : undefined;
      return `  ${name}${value !== undefined ? `='${name.includes('PASSWORD') ? '***' : value}'` : ''}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const neo4j: Neo4jTarget =
    e.NEO4J_URI !== undefined
      ? { kind: 'remote', uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD ?? '' }
      : {
          kind: 'local',
          port: e.NEO4J_LOCAL_PORT,
          storeDir: path.resolve(projectRoot, e.NEO4J_LOCAL_DIR ?? '.data/neo4j'),
          heap: e.NEO4J_LOCAL_HEAP,
          pagecache: e.NEO4J_LOCAL_PAGECACHE,
          password: e.NEO4J_PASSWORD ?? DEFAULT_LOCAL_PASSWORD,
        };
  return {
    http: { port: e.PORT, host: e.HOST, corsOrigins: e.CORS_ORIGINS },
    neo4j,
    database: e.NEO4J_DATABASE,
    loadSeeds: e.LOAD_SEEDS,
    log: { level: e.LOG_LEVEL, format: e.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json') },
    auth: { readsRequireKey: e.READS_REQUIRE_KEY, writesPerMinute: e.WRITE_RATE_LIMIT },
    warmUp: {
      logFile:
        e.WARM_UP_LOG === 'off'
          ? undefined
          : path.resolve(projectRoot, e.WARM_UP_LOG ?? '.data/warm-up-operations.json'),
      max: e.WARM_UP_MAX,
      budgetMs: e.WARM_UP_BUDGET_MS,
      operationsFile:
        e.WARM_UP_OPERATIONS === undefined ? undefined : path.resolve(e.WARM_UP_OPERATIONS),
    },
  };
}
