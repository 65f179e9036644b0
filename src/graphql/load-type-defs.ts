/** Reads every `.graphql` file in schema/ (sorted), the SDL that `buildSchema` executes. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { projectRoot } from '../config/project-root.ts';

const schemaDir = path.join(projectRoot, 'schema');

export function loadTypeDefs(): string[] {
  return readdirSync(schemaDir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(path.join(schemaDir, file), 'utf8'));
}
