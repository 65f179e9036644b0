/**
 * Known reads: the compiled operation of each exact request text (query and operation name)
 * that yoga has already executed, so that the HTTP hot path (serve-known-read.ts) answers a
 * repeat of it without yoga.
 *
 * Contract: an entry is remembered only once yoga has parsed and validated that text under
 * that operation name (request limits included) and has begun executing it, so its document
 * passes every check that depends on the document alone; what depends on the request — its
 * key, its variables — is checked by the hot path on every request. Bounded: at most
 * `capacity` entries, the least recently used dropped first.
 */
import type { CompiledOperation } from './compiled-operation.ts';

export interface KnownRead {
  compiled: CompiledOperation;
  /** Whether a success is noted in the operation log (not for introspection alone). */
  logged: boolean;
}

export class KnownReads {
  private readonly entries = new Map<string, KnownRead>();

  constructor(private readonly capacity = 1000) {}

  get size(): number {
    return this.entries.size;
  }

  remember(query: string, operationName: string | undefined, read: KnownRead): void {
    const key = keyOf(query, operationName);
    this.entries.delete(key);
    this.entries.set(key, read);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  find(query: string, operationName: string | undefined): KnownRead | undefined {
    const key = keyOf(query, operationName);
    const read = this.entries.get(key);
    if (read) {
      this.entries.delete(key);
      this.entries.set(key, read);
    }
    return read;
  }
}

const keyOf = (query: string, operationName: string | undefined) =>
  `${operationName ?? ''}\n${query}`;
