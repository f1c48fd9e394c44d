// A stand-in worker for the pool's tests: it speaks the PDF worker's protocol and misbehaves on
// request ("exit" kills the thread, "hang" never answers, "echo" answers with its input).
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ id, kind, input }) => {
  if (kind === 'exit') process.exit(3);
  if (kind === 'hang') return;
  if (kind === 'echo') parentPort.postMessage({ id, ok: true, result: input });
  else parentPort.postMessage({ id, ok: false, error: { name: 'Error', message: `unknown ${kind}` } });
});
