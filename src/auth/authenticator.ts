/**
 * Turns an `Authorization: Bearer <key>` header into a Principal. Each request reads the
 * key's record (so a revocation takes effect at once); the slow Argon2 verification runs
 * once per key and process, after which the record's hash and a SHA-256 of the key are
 * remembered. Keys and hashes are never logged or put in error messages.
 */
import { createHash } from 'node:crypto';

import { keyIdOf, roleAllows, verifyKey, type Role } from './api-key.ts';
import { forbidden, rateLimited, unauthenticated } from './auth-errors.ts';
import type { KeyStore } from './key-store.ts';
import type { RateLimiter } from './rate-limiter.ts';

export interface Principal {
  keyId: string;
  name: string;
  role: Role;
}

export interface AuthOptions {
  keys: KeyStore;
  /** Reads need a reader (or editor) key. @default false */
  readsRequireKey?: boolean;
  writeLimiter: RateLimiter;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export class Authenticator {
  private readonly verified = new Map<string, { hash: string; digest: string }>();

  constructor(private readonly options: AuthOptions) {}

  get readsRequireKey(): boolean {
    return this.options.readsRequireKey ?? false;
  }

  /** The principal of a request; undefined without a header; throws for a bad key. */
  async authenticate(header: string | null | undefined): Promise<Principal | undefined> {
    if (header === null || header === undefined || header.trim() === '') return undefined;
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match?.[1]) throw unauthenticated('The Authorization header must be "Bearer <key>".');
    const key = match[1];
    const keyId = keyIdOf(key);
    const record = keyId === undefined ? undefined : await this.options.keys.find(keyId);
    if (!record || record.revokedAt) throw unauthenticated('Invalid or revoked API key.');
    const digest = sha256(key);
    const cached = this.verified.get(record.keyId);
    if (!(cached && cached.hash === record.hash && cached.digest === digest)) {
      if (!(await verifyKey(record.hash, key)))
        throw unauthenticated('Invalid or revoked API key.');
      this.verified.set(record.keyId, { hash: record.hash, digest });
    }
    return { keyId: record.keyId, name: record.name, role: record.role };
  }

  /** Throws unless `principal` may read (always, unless reads require a key). */
  requireRead(principal: Principal | undefined): void {
    if (!this.readsRequireKey) return;
    if (!principal)
      throw unauthenticated('Reading this graph needs an API key (Authorization: Bearer <key>).');
  }

  /** Throws unless `principal` holds an editor key with writes left in its rate limit. */
  requireWrite(principal: Principal | undefined): Principal {
    if (!principal)
      throw unauthenticated('Writes need an editor API key (Authorization: Bearer <key>).');
    if (!roleAllows(principal.role, 'editor'))
      throw forbidden(
        `The key "${principal.name}" has the role ${principal.role}; writes need editor.`,
      );
    const wait = this.options.writeLimiter.take(principal.keyId);
    if (wait > 0) throw rateLimited(wait);
    return principal;
  }
}
