/**
 * Where the built screen scripts are: beside the bundle that runs propose (dist/review-screen/),
 * or, when propose runs from the sources (tests), in the package's dist/ after `npm run build`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CLIENT_SCRIPT } from './names.js';

const CANDIDATES = ['./review-screen/', '../../../dist/review-screen/'];

export function screenAssetsDir(): string | undefined {
  for (const rel of CANDIDATES) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(`${dir}${CLIENT_SCRIPT}`)) return dir;
  }
  return undefined;
}
