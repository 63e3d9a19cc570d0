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
 * Runs tasks on up to `jobs` worker threads; results keep the order of the tasks whatever order
 * they finish in. A task that runs longer than `timeoutMs` has its worker terminated and gets
 * `onTimeout`'s result; a fresh worker takes its place.
 */
export async function runInPool<T, R>(
  script: URL,
  tasks: readonly T[],
  jobs: number,
  timeoutMs: number,
  onTimeout: (task: T) => R,
  onResult: (index: number, result: R) => void,
): Promise<R[]> {
  const results = new Array<R>(tasks.length);
  let next = 0;
  const runWorker = async (): Promise<void> => {
    let worker: Worker | undefined;
    try {
      while (next < tasks.length) {
        const index = next++;
        const task = tasks[index] as T;
        worker ??= new Worker(script);
        const w = worker;
        const result = await new Promise<R>((resolve, reject) => {
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
            worker = undefined;
            reject(error);
          };
          const timer = setTimeout(() => {
            settle();
            void w.terminate();
            worker = undefined;
            resolve(onTimeout(task));
          }, timeoutMs);
          w.on('message', onMessage);
          w.on('error', onError);
          w.postMessage(task);
        });
        results[index] = result;
        onResult(index, result);
      }
    } finally {
      await worker?.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, runWorker));
  return results;
}
