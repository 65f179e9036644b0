/**
 * The offline initial load: a validated Dataset into the `neo4j` database of a NEW local
 * store, through Neo4j's importer, before the store's server starts — the way to load
 * millions of elements (the online loaders are bound by Neo4j's transactional write path).
 *
 * Contract:
 * - writes the Dataset as CSV (import-csv.ts) into a throwaway directory, runs the launcher's
 *   import mode on `storeDir` (src/neo4j-local/run-local-import.ts), removes the CSV files;
 * - all or nothing: a dataset the CSV cannot carry is refused before the importer runs; a
 *   store that already holds a `neo4j` database is refused unchanged; any importer failure
 *   leaves the store without a `neo4j` database (never half a graph);
 * - the caller then starts Neo4j on `storeDir` and applies the schema (src/db/apply-schema.ts):
 *   the graph is then the one write-dataset.ts makes from the same Dataset;
 * - `log` receives one line per phase with its time.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { runLocalImport, type LocalImportSummary } from '../neo4j-local/run-local-import.ts';
import type { Dataset } from './dataset.ts';
import { writeImportCsv, type ImportCsvSummary } from './import-csv.ts';

export interface ImportDatasetOptions {
  storeDir: string;
  /** Where the throwaway CSV directory is made. @default os.tmpdir() */
  tmpDir?: string;
  /** JVM heap of the importer. @default '1g' */
  heap?: string;
  threads?: number;
  maxOffHeapMemory?: string;
  /** Keep the CSV files (for inspection); their directory is in the summary. */
  keepCsv?: boolean;
  log?: (line: string) => void;
}

export interface ImportDatasetSummary {
  csv: ImportCsvSummary;
  imported: LocalImportSummary;
  /** Seconds writing the CSV files, and running the importer (its JVM start included). */
  csvS: number;
  importS: number;
}

export async function importDataset(
  dataset: Dataset,
  options: ImportDatasetOptions,
): Promise<ImportDatasetSummary> {
  const log = options.log ?? (() => undefined);
  const dir = await mkdtemp(path.join(options.tmpDir ?? os.tmpdir(), 'neo4j-import-csv-'));
  try {
    let t = performance.now();
    const csv = await writeImportCsv(dataset, dir);
    const csvS = (performance.now() - t) / 1000;
    log(
      `Import: wrote ${csv.files.length} CSV files (${(csv.bytes / 2 ** 20).toFixed(1)} MiB, ${csv.nodes} nodes, ${csv.relationships} relationships) in ${csvS.toFixed(1)} s`,
    );
    t = performance.now();
    const imported = await runLocalImport({
      storeDir: options.storeDir,
      csvDir: dir,
      multilineFields: csv.multilineFields,
      ...(options.heap !== undefined ? { heap: options.heap } : {}),
      ...(options.threads !== undefined ? { threads: options.threads } : {}),
      ...(options.maxOffHeapMemory !== undefined
        ? { maxOffHeapMemory: options.maxOffHeapMemory }
        : {}),
      log,
    });
    const importS = (performance.now() - t) / 1000;
    if (imported.nodes !== csv.nodes || imported.relationships !== csv.relationships)
      throw new Error(
        `Import: the importer read ${imported.nodes} nodes and ${imported.relationships} relationships of ${csv.nodes} and ${csv.relationships}`,
      );
    log(
      `Import: ${imported.nodes} nodes, ${imported.relationships} relationships imported in ${importS.toFixed(1)} s (${imported.importS.toFixed(1)} s in the importer)`,
    );
    return { csv, imported, csvS, importS };
  } finally {
    if (!options.keepCsv) await rm(dir, { recursive: true, force: true });
  }
}
