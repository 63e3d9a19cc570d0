// A batch worker thread: processes one file per message and answers with its FileResult.
import { parentPort } from 'node:worker_threads';
import { processFile, type WorkerTask } from './batch.js';

parentPort?.on('message', (task: WorkerTask) => {
  processFile(task.file, task.knownPersons, task.config, task.options).then(
    (result) => parentPort?.postMessage(result),
    (error: unknown) => parentPort?.postMessage({ status: 'failed', input: task.file.relative, code: 'INTERNAL', message: `unexpected error (${(error as Error).name})` }),
  );
});
