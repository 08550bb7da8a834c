/**
 * Child process of bench/engine.ts: measures the peak resident memory of a server-like process running the offline
 * engine with two workers. Receives { modelDir, lang, images } over IPC, answers { baseline, peak, done }.
 */
import { createLocalProvider } from "../src/passport/local/provider";

interface Job {
  modelDir: string;
  lang: string;
  images: { image: Uint8Array; mediaType: "image/jpeg" | "image/png" }[];
}

process.once("message", async (job: Job) => {
  const provider = createLocalProvider({
    workers: 2,
    queueMax: job.images.length,
    modelDir: job.modelDir,
    lang: job.lang,
  });
  await provider.ready();
  // Both workers loaded: this is the idle footprint.
  await new Promise((r) => setTimeout(r, 500));
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  let done = 0;
  await Promise.all(
    job.images.map((img) =>
      provider
        .recognize({ ...img, portrait: true, requestId: "rss", client: "bench", signal: new AbortController().signal })
        .then(
          () => done++,
          () => done++,
        ),
    ),
  );
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  await provider.close();
  process.send?.({ baseline, peak, done }, () => process.exit(0));
});
