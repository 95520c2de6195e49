// The HTTP client, in a worker thread: on the main thread its fetch/JSON work would share one event
// loop with the servers under test and blur what they cost.
import { parentPort } from 'node:worker_threads';

export interface LoadRequest {
  url: string;
  cookie?: string;
}

export interface LoadJob {
  requests: LoadRequest[];
  concurrency: number;
}

export type LoadReply = { durationsMs: number[]; elapsedMs: number } | { error: string };

const REQUEST_TIMEOUT_MS = 30_000;

async function send(request: LoadRequest): Promise<number> {
  const started = performance.now();
  const res = await fetch(request.url, {
    headers: request.cookie ? { cookie: request.cookie } : {},
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  // the body is read in full: a response is only done when its last byte has arrived
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${request.url} → HTTP ${res.status}: ${body.slice(0, 200)}`);
  return performance.now() - started;
}

async function run(job: LoadJob): Promise<LoadReply> {
  const durationsMs = new Array<number>(job.requests.length).fill(0);
  let next = 0;
  const client = async () => {
    for (let i = next++; i < job.requests.length; i = next++) {
      durationsMs[i] = await send(job.requests[i] as LoadRequest);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: job.concurrency }, client));
  return { durationsMs, elapsedMs: performance.now() - started };
}

parentPort?.on('message', (job: LoadJob) => {
  run(job).then(
    (reply) => parentPort?.postMessage(reply),
    (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
});
