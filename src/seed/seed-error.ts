/** A seed problem located in a file: what is wrong, where (file and path inside it), why. */
export interface SeedProblem {
  file: string;
  /** Path inside the file, e.g. `demands[3].evidence[0].quote`; empty for the whole file. */
  path: string;
  message: string;
}

/** Thrown before anything is written; carries every problem found, not just the first. */
export class SeedValidationError extends Error {
  override name = 'SeedValidationError';
  constructor(readonly problems: SeedProblem[]) {
    super(
      `Seed validation failed with ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written:\n` +
        problems.map((p) => `  ${p.file}${p.path ? `: ${p.path}` : ''}: ${p.message}`).join('\n'),
    );
  }
}

/** Formats a zod/JSON path as `a[0].b`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}
