/**
 * API key records in Neo4j (`:ApiKey`, outside the negotiation graph: never an `Entity`).
 * A record holds the key's lookup id, its Argon2 hash, name, role and dates; never the key.
 */
import type { Driver } from 'neo4j-driver';

import { generateKey, hashKey, type Role } from './api-key.ts';

export interface KeyRecord {
  keyId: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
}

export interface StoredKey extends KeyRecord {
  hash: string;
}

export class KeyStore {
  constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
  ) {}

  /** Creates a key; returns its record and the key itself (shown once, not stored). */
  async create(name: string, role: Role): Promise<{ record: KeyRecord; key: string }> {
    const { keyId, key } = generateKey();
    const hash = await hashKey(key);
    const { records } = await this.driver.executeQuery(
      `CREATE (k:ApiKey {keyId: $keyId, hash: $hash, name: $name, role: $role, createdAt: toString(datetime())})
       RETURN k {.keyId, .name, .role, .createdAt, .revokedAt} AS k`,
      { keyId, hash, name, role },
      { database: this.database },
    );
    return { record: records[0]?.get('k') as KeyRecord, key };
  }

  async list(): Promise<KeyRecord[]> {
    const { records } = await this.driver.executeQuery(
      `MATCH (k:ApiKey) RETURN k {.keyId, .name, .role, .createdAt, .revokedAt} AS k ORDER BY k.createdAt`,
      {},
      { database: this.database, routing: 'READ' },
    );
    return records.map((r) => r.get('k') as KeyRecord);
  }

  /** Revokes a key by lookup id; false when there is no such key. */
  async revoke(keyId: string): Promise<boolean> {
    const { records } = await this.driver.executeQuery(
      `MATCH (k:ApiKey {keyId: $keyId}) SET k.revokedAt = coalesce(k.revokedAt, toString(datetime())) RETURN k.keyId AS id`,
      { keyId },
      { database: this.database },
    );
    return records.length > 0;
  }

  async find(keyId: string): Promise<StoredKey | undefined> {
    const { records } = await this.driver.executeQuery(
      `MATCH (k:ApiKey {keyId: $keyId}) RETURN k {.keyId, .hash, .name, .role, .createdAt, .revokedAt} AS k`,
      { keyId },
      { database: this.database, routing: 'READ' },
    );
    return records[0]?.get('k') as StoredKey | undefined;
  }
}
