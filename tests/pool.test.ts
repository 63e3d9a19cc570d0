import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../src/cli/pool.js';

const dir = mkdtempSync(join(tmpdir(), 'woo-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A worker that doubles numbers, dies on "boom" and never answers "hang".
const script = join(dir, 'worker.mjs');
writeFileSync(
  script,
  `import { parentPort } from 'node:worker_threads';
parentPort.on('message', (t) => {
  if (t === 'boom') setImmediate(() => { throw new Error('boom'); });
  else if (t !== 'hang') parentPort.postMessage(t * 2);
});
`,
);

describe('the worker pool', () => {
  it('keeps task order, and a task that hangs or kills its worker takes only itself down', async () => {
    const pool = new WorkerPool(pathToFileURL(script), 2, 1000);
    try {
      const seen: number[] = [];
      const results = await pool.run<number | string, number | string>([1, 'boom', 3, 'hang', 5, 6], (_task, failure) => failure.kind, (i) => seen.push(i));
      expect(results).toEqual([2, 'crash', 6, 'timeout', 10, 12]);
      expect(seen.sort()).toEqual([0, 1, 2, 3, 4, 5]);
      // The pool runs again with the workers it kept (or fresh ones in place of the dead).
      expect(await pool.run([7, 8, 9], () => -1)).toEqual([14, 16, 18]);
    } finally {
      await pool.close();
    }
  });
});
