/**
 * The operations clients ask, remembered so that the next start can warm them up: each new
 * GraphQL selection is a new Cypher text that Neo4j plans once (0.5–3.7 s cold here), and the
 * generic root-field shapes of the warm-up are not the shapes clients send. The server that
 * saw the explorer's, an analyst's or a dashboard's queries asks them again before /ready.
 *
 * Contract:
 * - only queries that succeeded are noted (never mutations or subscriptions, never a query
 *   answered with errors), with the variables of their latest success, since the Cypher a
 *   query makes depends on which variables are given (a filter present or absent);
 * - bounded: at most `capacity` distinct operations in memory (the least asked is dropped),
 *   query texts over 20 000 characters or variables over 4 000 characters of JSON are not
 *   noted; `top(n)` gives the most asked first;
 * - the file is JSON: `[{ "query", "operationName"?, "variables"?, "count" }]`, the same
 *   format an operator can write by hand for WARM_UP_OPERATIONS. `load` of a missing file
 *   is empty; of a malformed one, an error naming the file and the problem. `save` writes
 *   atomically (a temporary file, then rename), so a crash never leaves half a file.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

const MAX_QUERY_CHARS = 20_000;
const MAX_VARIABLES_CHARS = 4_000;

export interface WarmOperation {
  query: string;
  operationName?: string | undefined;
  variables?: Record<string, unknown> | undefined;
}

interface Entry extends WarmOperation {
  count: number;
}

const FileSchema = z.array(
  z.object({
    query: z.string().min(1).max(MAX_QUERY_CHARS),
    operationName: z.string().optional(),
    variables: z.record(z.string(), z.unknown()).optional(),
    count: z.number().int().nonnegative().optional(),
  }),
);

export class OperationLog {
  private readonly entries = new Map<string, Entry>();
  private changed = false;

  constructor(private readonly capacity = 200) {}

  /** Notes one successful query. */
  note(operation: WarmOperation): void {
    if (operation.query.length > MAX_QUERY_CHARS) return;
    const variables =
      operation.variables && Object.keys(operation.variables).length > 0
        ? operation.variables
        : undefined;
    if (variables && JSON.stringify(variables).length > MAX_VARIABLES_CHARS) return;
    const key = `${operation.operationName ?? ''}\n${operation.query}`;
    const entry = this.entries.get(key);
    this.changed = true;
    if (entry) {
      entry.count += 1;
      entry.variables = variables;
      return;
    }
    if (this.entries.size >= this.capacity) this.dropLeastAsked();
    this.entries.set(key, {
      query: operation.query,
      operationName: operation.operationName,
      variables,
      count: 1,
    });
  }

  /** The `n` most asked operations, most asked first. */
  top(n: number): WarmOperation[] {
    return [...this.entries.values()]
      .sort((a, b) => b.count - a.count)
      .slice(0, n)
      .map(({ query, operationName, variables }) => ({ query, operationName, variables }));
  }

  get size(): number {
    return this.entries.size;
  }

  /** Adds the operations of `file` (counts add up); a missing file adds nothing. */
  async load(file: string): Promise<void> {
    for (const entry of await readOperationsFile(file)) {
      const key = `${entry.operationName ?? ''}\n${entry.query}`;
      const known = this.entries.get(key);
      if (known) known.count += entry.count ?? 1;
      else if (this.entries.size < this.capacity)
        this.entries.set(key, { ...entry, count: entry.count ?? 1 });
    }
  }

  /** Writes the log to `file` when it changed since the last save; true when written. */
  async save(file: string): Promise<boolean> {
    if (!this.changed) return false;
    this.changed = false;
    const entries = [...this.entries.values()].sort((a, b) => b.count - a.count);
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(entries, null, 1)}\n`);
    await rename(temporary, file);
    return true;
  }

  private dropLeastAsked(): void {
    let least: [string, Entry] | undefined;
    for (const pair of this.entries) if (!least || pair[1].count < least[1].count) least = pair;
    if (least) this.entries.delete(least[0]);
  }
}

/** Reads an operations file (missing: empty); throws an Error naming the file and the problem. */
export async function readOperationsFile(
  file: string,
): Promise<(WarmOperation & { count?: number | undefined })[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file}: not JSON (${(err as Error).message})`);
  }
  const parsed = FileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(
      `${file}: expected a list of { query, operationName?, variables? }: at [${issue.path.join('.')}] ${issue.message}`,
    );
  }
  return parsed.data;
}
