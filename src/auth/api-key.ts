/**
 * API keys: `ngk_<id>_<secret>`. The id (8 hex characters) is stored in clear and finds the
 * key's record with one index seek; the whole key is stored only as an Argon2id hash
 * (@node-rs/argon2), so a leaked database reveals no usable key.
 */
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export const ROLES = ['reader', 'editor'] as const;
export type Role = (typeof ROLES)[number];

/** True when a key of role `held` may do what `needed` allows (editors may also read). */
export function roleAllows(held: Role, needed: Role): boolean {
  return held === 'editor' || needed === 'reader';
}

const KEY_PATTERN = /^ngk_([0-9a-f]{8})_([A-Za-z0-9_-]{32,})$/;

export interface NewKey {
  keyId: string;
  /** The full key, shown once to its creator and never stored. */
  key: string;
}

export function generateKey(): NewKey {
  const keyId = randomBytes(4).toString('hex');
  return { keyId, key: `ngk_${keyId}_${randomBytes(24).toString('base64url')}` };
}

/** The lookup id of a well-formed key, or undefined for anything else. */
export function keyIdOf(key: string): string | undefined {
  return KEY_PATTERN.exec(key)?.[1];
}

export function hashKey(key: string): Promise<string> {
  return hash(key);
}

export function verifyKey(storedHash: string, key: string): Promise<boolean> {
  return verify(storedHash, key).catch(() => false);
}
