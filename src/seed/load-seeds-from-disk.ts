/**
 * The seed load used by `npm start`, `npm run seed` and the compose seed job: read and
 * validate every file in seeds/ (nothing is written if any is invalid), then write the
 * difference in one transaction, printing progress and a summary.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';

import { projectRoot } from '../config/project-root.ts';
import { classifyNeo4jError, describeNeo4jError } from '../db/neo4j-errors.ts';
import { recordSeedLoad } from '../write/record-seed-load.ts';
import type { Dataset } from './dataset.ts';
import { readSeedFiles } from './read-seed-files.ts';
import { validateDataset } from './validate-dataset.ts';
import { writeDataset, type LoadSummary, type Tally } from './write-dataset.ts';

export const defaultSeedsDir = path.join(projectRoot, 'seeds');
/**
 * Where the full report texts live (third-party articles, kept outside the repository),
 * used only to verify quotes: REPORTS_DIR when set — a folder that does not exist is an
 * error, never a silent "not verified" — else the nearest `shared/seeds` beside the
 * checkout or one of its parents; undefined when there is none (quotes are not verified).
 */
export function findReportsDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.REPORTS_DIR) {
    const dir = path.resolve(env.REPORTS_DIR);
    if (!existsSync(dir)) {
      throw new Error(
        `REPORTS_DIR points at ${dir}, which does not exist. Set it to the folder holding the report texts, or unset it to load without verifying quotes.`,
      );
    }
    return dir;
  }
  let dir = path.dirname(projectRoot);
  for (;;) {
    const candidate = path.join(dir, 'shared', 'seeds');
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export interface LoadSeedsOptions {
  driver: Driver;
  database: string | undefined;
  seedsDir?: string;
  /** The report texts' folder; absent: findReportsDir(); undefined: do not verify quotes. */
  reportsDir?: string | undefined;
  /** An already validated dataset (from prepareSeeds); read from seedsDir when absent. */
  dataset?: Dataset;
  dryRun?: boolean;
  reset?: boolean;
  /** Commit batch by batch (not atomic), for loads beyond the server's transaction memory. */
  bulk?: boolean;
  /** Allow a load that deletes more than PRUNE_SHARE of what the seeds own. */
  prune?: boolean;
  log?: (line: string) => void;
}

/** Share of the seed-owned nodes or relationships a load may delete without --prune. */
export const PRUNE_SHARE = 0.1;

/** A load refused because it would delete much of what the seeds own; nothing was written. */
export class PruneRefusedError extends Error {
  override name = 'PruneRefusedError';
}

export interface PrepareSeedsOptions {
  seedsDir?: string;
  /** The report texts' folder; absent: findReportsDir(); undefined: do not verify quotes. */
  reportsDir?: string | undefined;
  log?: (line: string) => void;
}

/** Reads and validates the seed files; throws SeedValidationError listing every problem. */
export async function prepareSeeds(options: PrepareSeedsOptions = {}): Promise<Dataset> {
  const log = options.log ?? console.log;
  const seedsDir = options.seedsDir ?? defaultSeedsDir;
  const reportsDir = 'reportsDir' in options ? options.reportsDir : findReportsDir();
  log(`Seeds: validating ${seedsDir}…`);
  const files = await readSeedFiles(seedsDir);
  const dataset = await validateDataset(files, reportsDir);
  log(
    `Seeds: ${files.length} files valid: ${dataset.nodes.length} nodes, ${dataset.relationships.length} relationships; ` +
      (dataset.reportsDir
        ? `${dataset.quotesVerified} quotes verified against the reports in ${dataset.reportsDir}`
        : 'report texts not found (no REPORTS_DIR, no shared/seeds beside the checkout), quotes not verified'),
  );
  for (const w of dataset.warnings) log(`Seeds: warning: ${w.file}: ${w.path}: ${w.message}`);
  return dataset;
}

/** Validates, then writes the difference in one transaction; returns what changed. */
export async function loadSeedsFromDisk(options: LoadSeedsOptions): Promise<LoadSummary> {
  const log = options.log ?? console.log;
  const started = Date.now();
  const dataset = options.dataset ?? (await prepareSeeds(options));
  if (!options.reset && !options.prune && !options.dryRun) {
    await refuseLargeDeletion(dataset, options);
  }
  let summary: LoadSummary;
  try {
    summary = await writeDataset(dataset, {
      driver: options.driver,
      database: options.database,
      dryRun: options.dryRun ?? false,
      reset: options.reset ?? false,
      bulk: options.bulk ?? false,
      log,
    });
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    const hint =
      classifyNeo4jError(err) === 'constraint'
        ? ' (a node the seeds do not own may already use one of their ids)'
        : code.includes('MemoryPoolOutOfMemoryError')
          ? ' (the load needs more transaction memory than the server allows: raise its heap or dbms.memory.transaction.total.max, or load with --bulk)'
          : '';
    throw new Error(
      `Seed load failed${options.bulk ? ' (bulk mode: batches committed before the failure remain; rerun to complete)' : ' and was rolled back, nothing was written'}${hint}: ${describeNeo4jError(err)}`,
      { cause: err },
    );
  }
  await recordSeedLoad(options.driver, options.database, dataset, summary);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(
    `Seeds: ${summary.dryRun ? 'dry run, nothing written; would change' : `loaded in ${seconds} s`}:`,
  );
  log(`  nodes          ${formatTally(summary.nodes)}`);
  log(`  relationships  ${formatTally(summary.relationships)}`);
  return summary;
}

/** Dry-runs the load; throws PruneRefusedError when it would delete more than PRUNE_SHARE. */
async function refuseLargeDeletion(dataset: Dataset, options: LoadSeedsOptions): Promise<void> {
  const plan = await writeDataset(dataset, {
    driver: options.driver,
    database: options.database,
    dryRun: true,
    reset: false,
    bulk: false,
    log: () => undefined,
  });
  const owned = (t: Tally) => t.unchanged + t.updated + t.deleted;
  const tooMany = (t: Tally) => t.deleted > 0 && t.deleted > PRUNE_SHARE * owned(t);
  if (tooMany(plan.nodes) || tooMany(plan.relationships)) {
    throw new PruneRefusedError(
      `Refused: this load would delete ${plan.nodes.deleted} of the ${owned(plan.nodes)} nodes and ` +
        `${plan.relationships.deleted} of the ${owned(plan.relationships)} relationships the seeds own ` +
        `(more than ${PRUNE_SHARE * 100}%); nothing was changed. Check the seed folder; if the deletions ` +
        'are intended, run npm run seed -- --prune (or --dry-run to list the changes first).',
    );
  }
}

export function formatTally(t: Tally): string {
  return `${t.created} created, ${t.updated} updated, ${t.unchanged} unchanged, ${t.deleted} deleted`;
}
