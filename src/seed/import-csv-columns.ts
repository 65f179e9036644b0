/**
 * The columns of one importer CSV file (one label, or one relationship type): each property
 * the rows hold, with the Neo4j type the ordinary loader stores it as — taken from the
 * vocabulary (src/model/: `storedProperties` of the label's or type's declared properties),
 * from the provenance every row carries (plan-load.ts), and only for a property neither
 * declares, from its values.
 *
 * Contract: `columnsFor` returns every property key found in `rows`, in first-seen order,
 * each with exactly one type; it throws `ImportCsvError` naming the element and property
 * when a value does not have its column's type (a string where an INTEGER is declared, a
 * FLOAT among INTEGERs: one CSV column has one type, the ordinary loader would store both).
 */
import type { NodeLabel } from '../model/node-kinds.ts';
import { NODE_KINDS } from '../model/node-kinds.ts';
import { storedProperties, type PropertySpec } from '../model/property.ts';
import { RELATIONSHIPS, type RelationshipType } from '../model/relationships.ts';
import type { PropValue, Props } from './dataset.ts';

/** Neo4j value types a Dataset property can have, as Cypher's valueType() names them. */
export type CypherType =
  | 'STRING'
  | 'INTEGER'
  | 'FLOAT'
  | 'BOOLEAN'
  | 'LIST<STRING>'
  | 'LIST<INTEGER>'
  | 'LIST<FLOAT>'
  | 'LIST<BOOLEAN>';

/** The importer's header type for each (see Neo4j's CSV header format). */
export const IMPORT_TYPE: Record<CypherType, string> = {
  STRING: 'string',
  INTEGER: 'long',
  FLOAT: 'double',
  BOOLEAN: 'boolean',
  'LIST<STRING>': 'string[]',
  'LIST<INTEGER>': 'long[]',
  'LIST<FLOAT>': 'double[]',
  'LIST<BOOLEAN>': 'boolean[]',
};

/** Provenance and bookkeeping every row may carry (src/write/plan-load.ts `provenance`). */
const PROVENANCE: Record<string, CypherType> = {
  id: 'STRING',
  origin: 'STRING',
  editId: 'STRING',
  sourceIds: 'LIST<STRING>',
  quotes: 'LIST<STRING>',
  voices: 'LIST<STRING>',
  framings: 'LIST<STRING>',
  quoteExacts: 'LIST<STRING>',
  quotePrefixes: 'LIST<STRING>',
  quoteSuffixes: 'LIST<STRING>',
  quoteStarts: 'LIST<INTEGER>',
  quoteEnds: 'LIST<INTEGER>',
};

export class ImportCsvError extends Error {
  override name = 'ImportCsvError';
}

export interface Column {
  key: string;
  type: CypherType;
}

type Scalar = 'STRING' | 'INTEGER' | 'FLOAT' | 'BOOLEAN';

function scalarType(v: unknown): Scalar | undefined {
  switch (typeof v) {
    case 'string':
      return 'STRING';
    case 'boolean':
      return 'BOOLEAN';
    case 'number':
      return Number.isInteger(v) ? 'INTEGER' : 'FLOAT';
    default:
      return undefined;
  }
}

/** The Neo4j type of one value as the ordinary loader stores it (whole numbers: INTEGER). */
export function valueType(value: PropValue): CypherType | 'LIST<?>' {
  if (!Array.isArray(value)) {
    const t = scalarType(value);
    if (t === undefined) throw new ImportCsvError(`unsupported value ${JSON.stringify(value)}`);
    return t;
  }
  if (value.length === 0) return 'LIST<?>';
  const first = scalarType(value[0]);
  let mixed = first === undefined;
  for (let i = 1; i < value.length && !mixed; i++) mixed = scalarType(value[i]) !== first;
  if (mixed || first === undefined)
    throw new ImportCsvError(`a list mixing types: ${JSON.stringify(value)}`);
  return `LIST<${first}>`;
}

function declared(kind: NodeLabel | RelationshipType, isNode: boolean): Map<string, CypherType> {
  const specs: Record<string, PropertySpec> = isNode
    ? NODE_KINDS[kind as NodeLabel].properties
    : RELATIONSHIPS[kind as RelationshipType].properties;
  const types = new Map<string, CypherType>(Object.entries(PROVENANCE));
  for (const [name, spec] of Object.entries(specs))
    for (const [stored, type] of storedProperties(name, spec))
      types.set(stored, type as CypherType);
  return types;
}

/** The columns of the rows of one label (`isNode`) or relationship type. */
export function columnsFor(
  kind: NodeLabel | RelationshipType,
  isNode: boolean,
  rows: readonly { id: string; props: Props }[],
): Column[] {
  const known = declared(kind, isNode);
  const columns = new Map<string, CypherType | undefined>();
  for (const row of rows) {
    const props = row.props;
    for (const key in props) {
      const value = props[key]!;
      if (!columns.has(key)) columns.set(key, known.get(key));
      const type = columns.get(key);
      // The common case, checked without allocating: a string in a STRING column.
      if (typeof value === 'string' && type === 'STRING') continue;
      if (type === 'LIST<STRING>' && Array.isArray(value) && allStrings(value)) continue;
      const found = valueType(value);
      if (found === 'LIST<?>') {
        if (type !== undefined && !type.startsWith('LIST<'))
          throw mismatch(kind, row.id, key, type, 'an empty list');
        continue;
      }
      if (type === undefined) columns.set(key, found);
      else if (type !== found) throw mismatch(kind, row.id, key, type, found);
    }
  }
  return [...columns].map(([key, type]) => ({ key, type: type ?? 'LIST<STRING>' }));
}

function allStrings(values: readonly unknown[]): boolean {
  for (let i = 0; i < values.length; i++) if (typeof values[i] !== 'string') return false;
  return true;
}

const mismatch = (kind: string, id: string, key: string, want: string, got: string) =>
  new ImportCsvError(
    `${kind} '${id}': property '${key}' is ${got} where the column holds ${want}; one CSV column has one type, so this dataset cannot be imported as is (the ordinary loader can load it).`,
  );
