/**
 * Property declarations: what a node or relationship property holds, whether the seeds must
 * give it, and how it is stored. Constructors (`text()`, `int()`…) keep declarations short.
 *
 * Storage in Neo4j (flat: no maps as properties):
 * - `text`, `enum`, `ref` → STRING (`ref` holds the id of a node with one of `to`'s labels)
 * - `int` → INTEGER; `strings` → LIST<STRING> (absent means [])
 * - `date` → `<name>Text` STRING, `<name>Precision` STRING (a DatePrecision value),
 *   `<name>RelativeTo` STRING (id of the Source whose unstated publication date anchors it)
 */
import type { EnumName } from './enums.ts';

/** A string that must match a pattern, with the message a seed author reads when it does not. */
export interface Pattern {
  regex: RegExp;
  message: string;
}

interface Common {
  /** The seeds must give it (else it is optional and may be absent from the graph). */
  required: boolean;
  /** What the property says, for documentation. */
  doc?: string;
  /** Written only by the API's write path (src/write/), never given in a seed file. */
  apiOnly?: boolean;
}

export type PropertySpec = Common &
  (
    | { type: 'text'; pattern?: Pattern }
    | { type: 'int'; min?: number }
    | { type: 'strings' }
    | { type: 'enum'; enum: EnumName }
    | { type: 'date' }
    | { type: 'ref'; to: readonly string[] }
  );

export type PropertyType = PropertySpec['type'];

interface Options {
  optional?: boolean;
  doc?: string;
  apiOnly?: boolean;
}
const common = (o: Options): Common => ({
  required: o.optional !== true && o.apiOnly !== true,
  ...(o.doc === undefined ? {} : { doc: o.doc }),
  ...(o.apiOnly === true ? { apiOnly: true } : {}),
});

/** A non-empty string. */
export const text = (o: Options & { pattern?: Pattern } = {}): PropertySpec => ({
  type: 'text',
  ...common(o),
  ...(o.pattern ? { pattern: o.pattern } : {}),
});
/** An integer (a Neo4j INTEGER, read back losslessly). */
export const int = (o: Options & { min?: number } = {}): PropertySpec => ({
  type: 'int',
  ...common(o),
  ...(o.min === undefined ? {} : { min: o.min }),
});
/** A list of non-empty strings; never required, absent means []. */
export const strings = (o: Omit<Options, 'optional'> = {}): PropertySpec => ({
  type: 'strings',
  ...common({ ...o, optional: true }),
});
/** One value of a controlled vocabulary (enums.ts). */
export const enumOf = (name: EnumName, o: Options = {}): PropertySpec => ({
  type: 'enum',
  enum: name,
  ...common(o),
});
/** A date as the report states it, with its precision. */
export const date = (o: Options = {}): PropertySpec => ({ type: 'date', ...common(o) });
/** The id of another node, which must have one of the labels `to`. */
export const ref = (to: readonly string[], o: Options = {}): PropertySpec => ({
  type: 'ref',
  to,
  ...common(o),
});

/** Stored property names and Cypher value types of one declared property (see the header). */
export function storedProperties(name: string, spec: PropertySpec): [string, string][] {
  switch (spec.type) {
    case 'int':
      return [[name, 'INTEGER']];
    case 'strings':
      return [[name, 'LIST<STRING>']];
    case 'date':
      return [
        [`${name}Text`, 'STRING'],
        [`${name}Precision`, 'STRING'],
        [`${name}RelativeTo`, 'STRING'],
      ];
    default:
      return [[name, 'STRING']];
  }
}
