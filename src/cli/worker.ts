// A batch worker thread: processes one file per message and answers with its FileResult.
import { parentPort } from 'node:worker_threads';
import { processFile, type WorkerTask } from './batch.js';

// This thread runs nothing but woo-redact, so it may change its own globals: without
// DecompressionStream, pdf.js inflates with its synchronous decoder instead of Node's web-stream
// zlib, whose per-stream overhead made verification about a fifth slower (measured in bench).
// Library users keep their globals untouched.
Reflect.deleteProperty(globalThis, 'DecompressionStream');

parentPort?.on('message', (task: WorkerTask) => {
  processFile(task.file, task.knownPersons, task.config, task.options).then(
    (result) => parentPort?.postMessage(result),
    (error: unknown) => parentPort?.postMessage({ status: 'failed', input: task.file.relative, code: 'INTERNAL', message: `unexpected error (${(error as Error).name})` }),
  );
});
