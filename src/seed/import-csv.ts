/**
 * Writes a validated Dataset as the CSV files Neo4j's offline importer reads (the launcher's
 * import mode, tools/neo4j-local `Neo4jImport`, whose Javadoc is the format's contract):
 * `nodes-<Label>.csv` per label and `relationships-<TYPE>.csv` per relationship type, each
 * with its header line, streamed row by row (never one giant string).
 *
 * Guarantees: the graph the importer makes from these files is the graph write-dataset.ts
 * makes from the same Dataset — labels (`Entity` and the row's), relationship types, every
 * property with the same Neo4j type (column types from import-csv-columns.ts). To that end:
 * - every string is quoted (a quote inside doubled), so `""` is the empty string, never
 *   absent, and no quote text — commas, quotes, line breaks — can end a field early; a line
 *   break anywhere sets `multilineFields` (the importer must then be told);
 * - list elements are delimited by U+001F; a string holding U+001F (or the NUL character)
 *   is refused with an `ImportCsvError` naming the element, before any import;
 * - the lists a CSV field cannot hold — `[]` and `[""]`, both empty fields — are named in
 *   the reserved `__emptyLists` / `__blankLists` columns instead, which the import mode
 *   turns back into those properties;
 * - labels and types in the files come only from the compile-time vocabulary (src/model/).
 *
 * `dir` must exist and should be empty; files already there with these names are replaced.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import path from 'node:path';

import { ENTITY_LABEL, NODE_LABELS } from '../model/node-kinds.ts';
import { RELATIONSHIP_TYPES } from '../model/relationships.ts';
import { groupBy } from '../write/apply-plan.ts';
import type { Dataset, NodeRow, RelationshipRow } from './dataset.ts';
import { columnsFor, IMPORT_TYPE, ImportCsvError, type Column } from './import-csv-columns.ts';

export { ImportCsvError };

/** Array delimiter of the files (the import mode passes the same to the importer). */
export const ARRAY_DELIMITER = '\u001f';
export const EMPTY_LISTS = '__emptyLists';
export const BLANK_LISTS = '__blankLists';

export interface ImportCsvSummary {
  dir: string;
  files: string[];
  nodes: number;
  relationships: number;
  bytes: number;
  /** Some field holds a line break: the importer needs `--multiline-fields`. */
  multilineFields: boolean;
}

/** Bytes buffered before a write to the file. */
const FLUSH_AT = 1 << 20;

export async function writeImportCsv(dataset: Dataset, dir: string): Promise<ImportCsvSummary> {
  const summary: ImportCsvSummary = {
    dir,
    files: [],
    nodes: 0,
    relationships: 0,
    bytes: 0,
    multilineFields: false,
  };
  for (const [label, rows] of groupBy(dataset.nodes, (r) => r.label)) {
    if (!NODE_LABELS.includes(label))
      throw new ImportCsvError(`node '${rows[0]!.id}': '${String(label)}' is not a node label`);
    const columns = columnsFor(label, true, rows).filter((c) => c.key !== 'id');
    const labels = quoted(`${ENTITY_LABEL}${ARRAY_DELIMITER}${label}`);
    const header = ['id:ID', ':LABEL', ...headerOf(columns)];
    await writeFile(summary, `nodes-${label}.csv`, header, rows, (row) => {
      if (row.props.id !== row.id)
        throw new ImportCsvError(`node '${row.id}': its id property is not its id`);
      return `"${checked(row.id, row, 'id', summary)}",${labels}${encodeProps(row, columns, summary)}`;
    });
    summary.nodes += rows.length;
  }
  for (const [type, rows] of groupBy(dataset.relationships, (r) => r.type)) {
    if (!RELATIONSHIP_TYPES.includes(type))
      throw new ImportCsvError(
        `relationship '${rows[0]!.id}': '${String(type)}' is not a relationship type`,
      );
    const columns = columnsFor(type, false, rows);
    const typeField = quoted(type);
    const header = [':START_ID', ':END_ID', ':TYPE', ...headerOf(columns)];
    await writeFile(summary, `relationships-${type}.csv`, header, rows, (row) => {
      const from = checked(row.from, row, 'from', summary);
      const to = checked(row.to, row, 'to', summary);
      return `"${from}","${to}",${typeField}${encodeProps(row, columns, summary)}`;
    });
    summary.relationships += rows.length;
  }
  return summary;
}

function headerOf(columns: readonly Column[]): string[] {
  return [
    ...columns.map((c) => `${c.key}:${IMPORT_TYPE[c.type]}`),
    `${EMPTY_LISTS}:string[]`,
    `${BLANK_LISTS}:string[]`,
  ];
}

/** One row's property fields and the two reserved list columns, each after a comma. */
function encodeProps(
  row: NodeRow | RelationshipRow,
  columns: readonly Column[],
  summary: ImportCsvSummary,
): string {
  let line = '';
  let empty: string | undefined;
  let blank: string | undefined;
  for (const { key } of columns) {
    const value = row.props[key];
    if (value === undefined) line += ',';
    else if (typeof value === 'string') line += `,"${checked(value, row, key, summary)}"`;
    else if (typeof value === 'number') line += `,${encodeNumber(value)}`;
    else if (typeof value === 'boolean') line += value ? ',true' : ',false';
    else if (value.length === 0) {
      empty = empty === undefined ? key : `${empty}${ARRAY_DELIMITER}${key}`;
      line += ',';
    } else if (value.length === 1 && value[0] === '') {
      blank = blank === undefined ? key : `${blank}${ARRAY_DELIMITER}${key}`;
      line += ',';
    } else if (typeof value[0] === 'string') {
      let field = '';
      for (let i = 0; i < value.length; i++)
        field += (i === 0 ? '' : ARRAY_DELIMITER) + checked(value[i] as string, row, key, summary);
      line += `,"${field}"`;
    } else
      line += `,${(value as (number | boolean)[])
        .map((v) => (typeof v === 'number' ? encodeNumber(v) : String(v)))
        .join(ARRAY_DELIMITER)}`;
  }
  return `${line},${empty === undefined ? '' : `"${empty}"`},${blank === undefined ? '' : `"${blank}"`}`;
}

/** Whole numbers in full digits (String(1e21) is '1e+21', which is no `long`). */
const encodeNumber = (v: number) =>
  Number.isInteger(v) && !Number.isSafeInteger(v) ? BigInt(v).toString() : String(v);

/** Characters that need a closer look: one scan of each string finds them. */
// eslint-disable-next-line no-control-regex -- NUL and U+001F are what it looks for
const SPECIAL = /[\0\u001f\n\r"]/;

/**
 * A string's text inside a quoted field (quotes doubled); refuses what the files cannot
 * carry, notes line breaks.
 */
function checked(
  s: string,
  row: NodeRow | RelationshipRow,
  key: string,
  summary: ImportCsvSummary,
): string {
  if (!SPECIAL.test(s)) return s;
  if (s.includes(ARRAY_DELIMITER) || s.includes('\0'))
    throw new ImportCsvError(
      `'${row.id}': property '${key}' holds the character U+${s.includes('\0') ? '0000' : '001F'}, which the importer's CSV cannot carry; load this dataset with the ordinary loader`,
    );
  if (s.includes('\n') || s.includes('\r')) summary.multilineFields = true;
  return s.includes('"') ? s.replaceAll('"', '""') : s;
}

const quoted = (s: string) => `"${s.replaceAll('"', '""')}"`;

async function writeFile<R>(
  summary: ImportCsvSummary,
  name: string,
  header: string[],
  rows: readonly R[],
  encode: (row: R) => string,
): Promise<void> {
  const file = path.join(summary.dir, name);
  const stream = createWriteStream(file);
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  let buffer = `${header.join(',')}\n`;
  const flush = async () => {
    summary.bytes += Buffer.byteLength(buffer);
    if (!stream.write(buffer)) await Promise.race([once(stream, 'drain'), failed]);
    buffer = '';
  };
  try {
    for (const row of rows) {
      buffer += `${encode(row)}\n`;
      if (buffer.length >= FLUSH_AT) await flush();
    }
    await flush();
  } finally {
    stream.end();
    await Promise.race([once(stream, 'close'), failed]);
  }
  summary.files.push(name);
}
