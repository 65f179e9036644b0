/**
 * A bounded (least recently used) cache of translated Cypher, so a repeated request costs a
 * lookup instead of walking its selection and building the query again.
 *
 * An entry is keyed by everything a translation reads:
 * - the root field's nodes, by object identity: yoga's parser cache hands every request
 *   with the same document text the same AST, so identity names document, operation and
 *   field (and with them the fragments and the schema of this server);
 * - the root field (parent type and name);
 * - the inputs the translator is given besides `info` (arguments, ids), as JSON;
 * - the operation's variable values, as JSON (they decide @skip/@include and the arguments
 *   of nested fields).
 * Two requests share an entry only when all of these are equal. Values are part of the key
 * (they travel as parameters), so another id is another entry — whose Cypher text is the
 * same, so Neo4j's plan cache still serves it. Entries are frozen: callers must not mutate.
 */
import type { FieldNode, GraphQLResolveInfo } from 'graphql';

export class TranslationCache {
  /** Lookups answered from the cache, and translations made (for tests and profiles). */
  hits = 0;
  misses = 0;
  readonly #entries = new Map<string, unknown>();
  readonly #nodeIds = new WeakMap<FieldNode, number>();
  #nextNodeId = 0;

  /** @param maxEntries how many translations are kept; the least recently used goes first. */
  constructor(readonly maxEntries = 2000) {}

  get size(): number {
    return this.#entries.size;
  }

  /** The translation of `make` for this field and inputs, made once per distinct key. */
  translate<T extends object>(info: GraphQLResolveInfo, inputs: unknown, make: () => T): T {
    const key = this.#key(info, inputs);
    if (key !== undefined && this.#entries.has(key)) {
      const found = this.#entries.get(key) as T;
      // Re-insertion moves the entry to the young end of the Map's insertion order.
      this.#entries.delete(key);
      this.#entries.set(key, found);
      this.hits++;
      return found;
    }
    this.misses++;
    const made = freeze(make());
    if (key === undefined) return made;
    this.#entries.set(key, made);
    if (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    return made;
  }

  #key(info: GraphQLResolveInfo, inputs: unknown): string | undefined {
    const nodes = info.fieldNodes.map((node) => {
      let id = this.#nodeIds.get(node);
      if (id === undefined) this.#nodeIds.set(node, (id = this.#nextNodeId++));
      return id;
    });
    try {
      return `${nodes.join(',')}|${info.parentType.name}.${info.fieldName}|${JSON.stringify(inputs) ?? ''}|${JSON.stringify(info.variableValues)}`;
    } catch {
      // Not representable as JSON (never for GraphQL input values): translate, do not cache.
      return undefined;
    }
  }
}

/** Freezes an object and its direct members (a CypherQuery's params; a plan's fields). */
function freeze<T extends object>(value: T): T {
  for (const member of Object.values(value))
    if (member !== null && typeof member === 'object') Object.freeze(member);
  return Object.freeze(value);
}
