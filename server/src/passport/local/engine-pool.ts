import { Worker } from "node:worker_threads";
import type { EngineResult, PassportImageInput } from "../../engine/read-passport-image";
import { AppError } from "../../errors";
import type { EngineWorkerData, JobRequest, WorkerMessage } from "./engine-protocol";

export interface EnginePoolOptions {
  workers: number;
  /** Jobs waiting beyond the running ones; one more is refused with 503 engine_busy. */
  queueMax: number;
  workerUrl: URL;
  /** Arguments for each worker (its process.argv[2...]). */
  argv?: string[];
  workerData: EngineWorkerData;
  /** Delay before restarting a worker that failed to start (ms). */
  restartDelayMs?: number;
  /** A job running longer than this ends its worker and fails with 504 engine_timeout (default 30 s). */
  jobTimeoutMs?: number;
}

export interface PoolStatus {
  workers: number;
  ready: number;
  busy: number;
  queued: number;
  /** Why no worker is ready, when none is. */
  lastStartError: string | null;
}

/** Who a job is for and what it costs, for fair shares of the workers. */
export interface JobShare {
  /** The client's key (its address): each client gets an equal share of the engine's time. */
  client: string;
  /** The job's expected cost relative to a typical photo (1); a 16-bit or very large image costs more. */
  weight: number;
}

interface Job extends JobShare {
  id: number;
  /** Start-time fair queueing tags: a job's place in its client's share of the engine's time. */
  start: number;
  finish: number;
  timer?: ReturnType<typeof setTimeout>;
  input: PassportImageInput;
  signal: AbortSignal;
  resolve: (r: EngineResult) => void;
  reject: (e: unknown) => void;
  onAbort: () => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  /** Set when the pool ends this worker on purpose (abort, close): its exit is no crash. */
  retiring: boolean;
}

const crashed = () => new AppError("engine_crashed");

const abortError = (signal: AbortSignal) =>
  signal.reason instanceof AppError
    ? signal.reason
    : new AppError("request_aborted", { message: "The request was cancelled before the offline engine finished." });

/**
 * A fixed set of worker threads running the engine pipeline (never on the event loop) with a bounded queue:
 * when every worker is busy and the queue is full, run() fails at once with 503 engine_busy and a Retry-After
 * estimate instead of growing memory. Aborting a queued job drops it; aborting a running job ends its worker
 * (freeing the core) and starts a fresh one. A worker that crashes fails only its own job and is replaced.
 *
 * The queue is fair across clients (start-time fair queueing, weighted by each job's cost): a client with many jobs
 * waiting is served in turn with the others, not ahead of them; and when the queue is full, a newcomer whose client
 * has less waiting than the client with the most takes the place of that client's newest job (which gets the 503),
 * so one client cannot fill the queue and lock everyone else out (issue 17, item 5).
 */
export class EnginePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  /** Each client's last finish tag, and the virtual time (the start tag of the job last dispatched). */
  private readonly lastFinish = new Map<string, number>();
  private virtualTime = 0;
  private nextId = 1;
  private closed = false;
  private lastStartError: string | null = null;
  private recentMs: number[] = [];
  private readonly started = new Map<number, number>();

  constructor(private readonly options: EnginePoolOptions) {
    if (!Number.isInteger(options.workers) || options.workers < 1) throw new RangeError("workers must be >= 1");
    if (!Number.isInteger(options.queueMax) || options.queueMax < 0) throw new RangeError("queueMax must be >= 0");
    for (let i = 0; i < options.workers; i++) this.slots.push(this.spawn());
  }

  status(): PoolStatus {
    return {
      workers: this.slots.length,
      ready: this.slots.filter((s) => s.ready).length,
      busy: this.slots.filter((s) => s.job).length,
      queued: this.queue.length,
      lastStartError: this.lastStartError,
    };
  }

  /** Resolves once at least one worker is ready (or rejects after timeoutMs). */
  async whenReady(timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!this.slots.some((s) => s.ready)) {
      if (this.closed) throw new Error("engine pool closed");
      if (Date.now() > until) throw new Error(`engine not ready: ${this.lastStartError ?? "still starting"}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  run(
    input: PassportImageInput,
    signal: AbortSignal,
    share: JobShare = { client: "anonymous", weight: 1 },
  ): Promise<EngineResult> {
    if (this.closed) return Promise.reject(new AppError("engine_unavailable"));
    if (signal.aborted) return Promise.reject(abortError(signal));
    const idle = this.slots.find((s) => s.ready && !s.job);
    if (!idle && this.queue.length >= this.options.queueMax) {
      const displaced = this.displaceFor(share);
      if (!displaced) return Promise.reject(this.busy());
      this.dropQueued(displaced, this.busy());
    }
    return new Promise<EngineResult>((resolve, reject) => {
      const start = Math.max(this.virtualTime, this.lastFinish.get(share.client) ?? 0);
      const job: Job = {
        id: this.nextId++,
        ...share,
        start,
        finish: start + share.weight,
        input,
        signal,
        resolve,
        reject,
        onAbort: () => this.abort(job),
      };
      this.lastFinish.set(share.client, job.finish);
      signal.addEventListener("abort", job.onAbort, { once: true });
      if (idle) this.dispatch(idle, job);
      else this.queue.push(job);
    });
  }

  private busy(): AppError {
    return new AppError("engine_busy", { retryAfterSeconds: this.retryAfterSeconds() });
  }

  /** The job to give up for a newcomer in a full queue: the newest of the client with the most waiting, if more. */
  private displaceFor({ client, weight }: JobShare): Job | null {
    const waiting = new Map<string, number>();
    for (const job of this.queue) waiting.set(job.client, (waiting.get(job.client) ?? 0) + job.weight);
    let heaviest: string | null = null;
    for (const [other, weight] of waiting) {
      if (heaviest === null || weight > (waiting.get(heaviest) ?? 0)) heaviest = other;
    }
    if (
      heaviest === null ||
      heaviest === client ||
      (waiting.get(heaviest) ?? 0) <= (waiting.get(client) ?? 0) + weight
    ) {
      return null;
    }
    return this.queue.findLast((job) => job.client === heaviest) ?? null;
  }

  private dropQueued(job: Job, error: AppError): void {
    this.queue.splice(this.queue.indexOf(job), 1);
    this.settle(job, error);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) this.settle(job, new AppError("engine_unavailable"));
    await Promise.all(
      this.slots.map(async (slot) => {
        slot.retiring = true;
        if (slot.job) this.settle(slot.job, new AppError("engine_unavailable"));
        slot.job = null;
        await slot.worker.terminate();
      }),
    );
  }

  /** Seconds until a slot is likely free: recent job time x (jobs ahead / workers), at least 1. */
  private retryAfterSeconds(): number {
    const avg = this.recentMs.length ? this.recentMs.reduce((s, v) => s + v, 0) / this.recentMs.length : 1000;
    const ahead = this.queue.length + this.slots.filter((s) => s.job).length;
    return Math.max(1, Math.ceil((avg * ahead) / this.slots.length / 1000));
  }

  private spawn(): Slot {
    const worker = new Worker(this.options.workerUrl, {
      workerData: this.options.workerData,
      argv: this.options.argv ?? [],
    });
    const slot: Slot = { worker, ready: false, job: null, retiring: false };
    worker.on("message", (message: WorkerMessage) => this.onMessage(slot, message));
    worker.on("error", (err) => {
      if (!slot.ready) this.lastStartError = err instanceof Error ? err.message : String(err);
    });
    worker.on("exit", () => this.onExit(slot));
    return slot;
  }

  private onMessage(slot: Slot, message: WorkerMessage): void {
    if (message.type === "ready") {
      slot.ready = true;
      this.lastStartError = null;
      this.pump();
      return;
    }
    const job = slot.job;
    if (!job || job.id !== message.id) return;
    slot.job = null;
    const started = this.started.get(job.id);
    this.started.delete(job.id);
    if (started !== undefined) {
      this.recentMs.push(performance.now() - started);
      if (this.recentMs.length > 20) this.recentMs.shift();
    }
    if (message.type === "result") this.settle(job, null, message.result);
    else if (message.error) {
      const e = message.error;
      this.settle(job, new AppError(e.code, { message: e.message }));
    } else this.settle(job, crashed());
    this.pump();
  }

  private onExit(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    const wasReady = slot.ready;
    slot.ready = false;
    if (slot.job) {
      this.settle(slot.job, crashed());
      slot.job = null;
    }
    if (this.closed || index < 0) return;
    // Replace it; a worker that never became ready (missing model, bad build) is retried after a delay.
    const delay = wasReady || slot.retiring ? 0 : (this.options.restartDelayMs ?? 1000);
    if (!wasReady && !slot.retiring) {
      this.lastStartError ??= "worker exited before it was ready";
      // Nobody can serve the queue while no worker starts: fail it rather than hold requests.
      if (!this.slots.some((s) => s.ready)) {
        for (const job of this.queue.splice(0)) {
          this.settle(job, new AppError("engine_unavailable", { message: "The offline engine could not start." }));
        }
      }
    }
    const replace = () => {
      if (this.closed) return;
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots[i] = this.spawn();
    };
    if (delay > 0) setTimeout(replace, delay).unref();
    else replace();
  }

  private dispatch(slot: Slot, job: Job): void {
    slot.job = job;
    this.virtualTime = Math.max(this.virtualTime, job.start);
    this.started.set(job.id, performance.now());
    // Copy into a buffer of its own and transfer it: the caller's bytes stay usable, nothing is copied twice.
    const image = new Uint8Array(job.input.image.byteLength);
    image.set(job.input.image);
    const request: JobRequest = { id: job.id, image, mediaType: job.input.mediaType, portrait: job.input.portrait };
    slot.worker.postMessage(request, [image.buffer]);
    job.timer = setTimeout(() => {
      if (slot.job !== job) return;
      this.retire(slot);
      this.settle(job, new AppError("engine_timeout"));
    }, this.options.jobTimeoutMs ?? 30_000);
    job.timer.unref?.();
  }

  /** Ends a busy worker on purpose (its exit is no crash); onExit starts its replacement. */
  private retire(slot: Slot): void {
    const job = slot.job;
    slot.job = null;
    slot.retiring = true;
    slot.ready = false;
    if (job) this.started.delete(job.id);
    void slot.worker.terminate();
  }

  /** Dispatches waiting jobs to idle workers, the smallest start tag first (the client furthest behind its share). */
  private pump(): void {
    while (this.queue.length > 0) {
      const idle = this.slots.find((s) => s.ready && !s.job);
      if (!idle) return;
      let next = 0;
      for (let i = 1; i < this.queue.length; i++) if (this.queue[i]!.start < this.queue[next]!.start) next = i;
      const [job] = this.queue.splice(next, 1);
      if (job) this.dispatch(idle, job);
    }
    this.forgetIdleClients();
  }

  /** A client with nothing waiting whose share is spent keeps no state. */
  private forgetIdleClients(): void {
    if (this.lastFinish.size <= this.queue.length + this.slots.length) return;
    const waiting = new Set(this.queue.map((job) => job.client));
    for (const [client, finish] of this.lastFinish) {
      if (!waiting.has(client) && finish <= this.virtualTime) this.lastFinish.delete(client);
    }
  }

  private abort(job: Job): void {
    if (this.queue.includes(job)) {
      this.dropQueued(job, abortError(job.signal));
      return;
    }
    const slot = this.slots.find((s) => s.job === job);
    if (!slot) return;
    this.retire(slot);
    this.settle(job, abortError(job.signal));
  }

  private settle(job: Job, error: unknown, result?: EngineResult): void {
    if (job.timer) clearTimeout(job.timer);
    job.signal.removeEventListener("abort", job.onAbort);
    if (error) job.reject(error);
    else if (result) job.resolve(result);
  }
}
