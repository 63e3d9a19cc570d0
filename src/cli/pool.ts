import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** The compiled worker beside this module (dist/worker.js); absent when running from sources. */
export function workerScript(): URL | undefined {
  try {
    const url = new URL('./worker.js', import.meta.url);
    return existsSync(fileURLToPath(url)) ? url : undefined;
  } catch {
    return undefined;
  }
}

export function defaultJobs(): number {
  return Math.max(1, cpus().length);
}

/**
 * The host's Node options for a worker, without those that only make sense for the host's own
 * entry (`node --input-type=module -e ...`: a worker given --input-type fails to start).
 */
export function workerExecArgv(execArgv: readonly string[] = process.execArgv): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const a = execArgv[i] as string;
    if (a === '-e' || a === '--eval' || a === '-p' || a === '--print' || a === '--input-type') {
      i++;
      continue;
    }
    if (a.startsWith('--input-type=') || a.startsWith('--eval=') || a.startsWith('--print=')) continue;
    out.push(a);
  }
  return out;
}

/** Why a task has no result of its own: it ran too long, or its worker died (out of memory, say). */
export type TaskFailure = { readonly kind: 'timeout' } | { readonly kind: 'crash'; readonly outOfMemory: boolean };

/**
 * Up to `jobs` worker threads, kept between runs (a batch has two passes, and a worker costs half
 * a second to start). Each run's results keep the order of its tasks whatever order they finish
 * in. A task that runs longer than `timeoutMs` has its worker terminated, and a task whose worker
 * dies takes only itself down: both get `onFailure`'s result, and a fresh worker takes the place.
 */
export class WorkerPool {
  readonly #idle: Worker[] = [];

  constructor(
    private readonly script: URL,
    private readonly jobs: number,
    private readonly timeoutMs: number,
  ) {}

  async run<T, R>(tasks: readonly T[], onFailure: (task: T, failure: TaskFailure) => R, onResult: (index: number, result: R) => void = () => undefined): Promise<R[]> {
    const results = new Array<R>(tasks.length);
    let next = 0;
    const runWorker = async (): Promise<void> => {
      let worker: Worker | undefined = this.#idle.pop();
      try {
        while (next < tasks.length) {
          const index = next++;
          const task = tasks[index] as T;
          worker ??= new Worker(this.script, { execArgv: workerExecArgv() });
          const w = worker;
          const result = await new Promise<R>((resolve) => {
            const settle = () => {
              clearTimeout(timer);
              w.off('message', onMessage);
              w.off('error', onError);
            };
            const onMessage = (message: R) => {
              settle();
              resolve(message);
            };
            const onError = (error: Error) => {
              settle();
              void w.terminate();
              worker = undefined;
              resolve(onFailure(task, { kind: 'crash', outOfMemory: (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' }));
            };
            const timer = setTimeout(() => {
              settle();
              void w.terminate();
              worker = undefined;
              resolve(onFailure(task, { kind: 'timeout' }));
            }, this.timeoutMs);
            w.on('message', onMessage);
            w.on('error', onError);
            w.postMessage(task);
          });
          results[index] = result;
          onResult(index, result);
        }
      } finally {
        if (worker) this.#idle.push(worker);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.jobs, tasks.length) }, runWorker));
    return results;
  }

  /** Stops the workers; the pool can run again afterwards (it starts new ones). */
  async close(): Promise<void> {
    await Promise.all(this.#idle.splice(0).map((w) => w.terminate()));
  }
}
