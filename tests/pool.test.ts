import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerPool, workerEnv, workerExecArgv, workerV8Flags } from '../src/cli/pool.js';

const dir = mkdtempSync(join(tmpdir(), 'woo-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A worker that doubles numbers, dies on "boom" and never answers "hang".
const script = join(dir, 'worker.mjs');
writeFileSync(
  script,
  `process.on('message', (t) => {
  if (t === 'boom') setImmediate(() => { throw new Error('boom'); });
  else if (t === 'env') process.send([process.env.MALLOC_ARENA_MAX, process.env.MALLOC_MMAP_THRESHOLD_, process.execArgv.includes('--no-liftoff')]);
  else if (t === 'answer-then-die') { process.send(0); setTimeout(() => process.exit(3), 20); }
  else if (t === 'oom') { process.stderr.write('FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\\n', () => process.abort()); }
  else if (t !== 'hang') process.send(t * 2);
});
process.on('disconnect', () => process.exit(0));
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

  it('runs workers as processes with glibc malloc tuned, and tells a worker out of memory from one that crashed', async () => {
    const pool = new WorkerPool(pathToFileURL(script), 1, 5000);
    try {
      const results = await pool.run<string, unknown>(['env', 'oom', 'boom', 'env'], (_task, failure) => (failure.kind === 'crash' ? (failure.outOfMemory ? 'oom' : 'crash') : failure.kind));
      expect(results).toEqual([['2', '131072', true], 'oom', 'crash', ['2', '131072', true]]);
    } finally {
      await pool.close();
    }
  });

  it('gives the next task a fresh worker when an idle one died after its answer', async () => {
    const pool = new WorkerPool(pathToFileURL(script), 1, 5000);
    try {
      expect(await pool.run<string, unknown>(['answer-then-die'], (_task, failure) => failure.kind)).toEqual([0]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await pool.run<number, unknown>([4], (_task, failure) => failure.kind)).toEqual([8]);
    } finally {
      await pool.close();
    }
  });

  it("gives a worker the host's Node options but not those of the host's own entry or debugger", () => {
    expect(workerExecArgv(['--input-type=module', '-e', 'code', '--inspect-brk=9230', '--inspect', '--import', './a.mjs', '--max-old-space-size=100'])).toEqual(['--import', './a.mjs', '--max-old-space-size=100']);
  });

  it("keeps the user's own malloc and WebAssembly settings", () => {
    expect(workerEnv({ MALLOC_ARENA_MAX: '4', PATH: '/bin' })).toEqual({ MALLOC_ARENA_MAX: '4', MALLOC_MMAP_THRESHOLD_: '131072', PATH: '/bin' });
    expect(workerV8Flags([])).toEqual(['--no-liftoff']);
    expect(workerV8Flags(['--liftoff'])).toEqual([]);
  });
});
