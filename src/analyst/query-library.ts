/**
 * The analyst query library: `.cypher` files in cypher/queries, each opening with a header
 * of `// @question`, `// @param name description` and `// @column name description` lines.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { projectRoot } from '../config/project-root.ts';

const libraryDir = path.join(projectRoot, 'cypher', 'queries');

export interface Described {
  name: string;
  description: string;
}

export interface LibraryQuery {
  name: string;
  file: string;
  question: string;
  params: Described[];
  columns: Described[];
  /** The statement, without the header comments and the trailing `;`. */
  cypher: string;
}

export function parseQueryFile(file: string, text: string): LibraryQuery {
  const params: Described[] = [];
  const columns: Described[] = [];
  let question = '';
  for (const line of text.split('\n')) {
    const match = /^\/\/\s*@(question|param|column)\s+(.*)$/.exec(line.trim());
    if (!match) continue;
    const [, tag, rest = ''] = match;
    if (tag === 'question') question = rest.trim();
    else {
      const [name = '', ...description] = rest.trim().split(/\s+/);
      (tag === 'param' ? params : columns).push({ name, description: description.join(' ') });
    }
  }
  const cypher = text
    .split('\n')
    .filter((l) => !l.trim().startsWith('//'))
    .join('\n')
    .trim()
    .replace(/;\s*$/, '');
  return { name: path.basename(file, '.cypher'), file, question, params, columns, cypher };
}

export function loadLibrary(dir = libraryDir): LibraryQuery[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((f) => parseQueryFile(path.join(dir, f), readFileSync(path.join(dir, f), 'utf8')));
}
