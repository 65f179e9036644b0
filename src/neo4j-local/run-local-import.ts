/**
 * Runs the launcher's import mode (tools/neo4j-local `Neo4jImport`: Neo4j's offline importer)
 * on a store directory BEFORE any server runs on it, and resolves with its summary.
 *
 * Guarantees:
 * - resolves only when the importer exited 0 and printed its one summary line: the store's
 *   `neo4j` database then holds exactly the CSV files' graph (no schema yet: the caller
 *   starts Neo4j on the store and applies the schema);
 * - rejects with `LocalImportError` carrying the importer's reason — a store that already
 *   holds a `neo4j` database (refused, nothing changed), a malformed file, a duplicate id, a
 *   relationship to a missing node — after which the store holds no `neo4j` database;
 * - never runs while this project's server is running on the store (the caller checks the
 *   pid file; the importer refuses an existing database anyway).
 */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import readline from 'node:readline';

import { launcherJavaArgs, prepareLauncher } from './start-local-neo4j.ts';

export interface LocalImportOptions {
  storeDir: string;
  /** Directory of `nodes*.csv` and `relationships*.csv` (see src/seed/import-csv.ts). */
  csvDir: string;
  /** Some field holds a line break (ImportCsvSummary.multilineFields). */
  multilineFields?: boolean;
  /** JVM heap of the importer process. @default '1g' */
  heap?: string;
  /** Importer threads. @default the machine's cores (the importer's own default) */
  threads?: number;
  /** Off-heap memory the importer may use, e.g. '2g'. @default the importer's (90 % of free RAM) */
  maxOffHeapMemory?: string;
  /** Receives the importer's progress lines. */
  log?: (line: string) => void;
}

export interface LocalImportSummary {
  nodes: number;
  relationships: number;
  /** Seconds the import took inside the JVM (without its start). */
  importS: number;
}

/** The import failed or was refused; `message` is the importer's reason. */
export class LocalImportError extends Error {
  override name = 'LocalImportError';
}

export async function runLocalImport(options: LocalImportOptions): Promise<LocalImportSummary> {
  const log = options.log ?? (() => undefined);
  // The same jars, and class-data archive, as the server's start.
  const archiveFlags = await prepareLauncher(log);
  await mkdir(options.storeDir, { recursive: true });
  const heap = options.heap ?? '1g';
  const args = [
    ...launcherJavaArgs(heap, archiveFlags, 'Neo4jImport'),
    '--home',
    options.storeDir,
    '--from',
    options.csvDir,
    ...(options.multilineFields ? ['--multiline-fields'] : []),
    ...(options.threads !== undefined ? ['--threads', String(options.threads)] : []),
    ...(options.maxOffHeapMemory !== undefined
      ? ['--max-off-heap-memory', options.maxOffHeapMemory]
      : []),
  ];
  const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const reasons: string[] = [];
  const tail: string[] = [];
  readline.createInterface({ input: child.stderr }).on('line', (line) => {
    if (line.startsWith('neo4j-local import: ')) reasons.push(line.slice(20));
    else {
      tail.push(line);
      if (tail.length > 20) tail.shift();
      if (line.trim() !== '' && !/^[.\s-]*\d+% ∆/.test(line)) log(`neo4j-import: ${line}`);
    }
  });
  let summary: LocalImportSummary | undefined;
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    const match = /^neo4j-local imported (\d+) nodes, (\d+) relationships in ([\d.]+) s$/.exec(
      line,
    );
    if (match)
      summary = {
        nodes: Number(match[1]),
        relationships: Number(match[2]),
        importS: Number(match[3]),
      };
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'ENOENT'
          ? new LocalImportError('neo4j-local: `java` was not found on PATH. Install Java 17+.')
          : err,
      ),
    );
    child.once('close', resolve);
  });
  if (code === 0 && summary) return summary;
  throw new LocalImportError(
    `Import into ${options.storeDir} failed (exit status ${code}): ${
      reasons.length > 0 ? reasons.join('; ') : tail.join('\n')
    }`,
  );
}
