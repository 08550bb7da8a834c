import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type CaptureConditions, CONDITION_PRESETS, type ConditionPreset, type ConditionsInput } from "./conditions";
import { generatePassport } from "./generate-passport";
import { MAX_SEED } from "./random";
import { seedPurpose } from "./seed-ranges";

const USAGE = `usage: tsx synthetic/cli.ts --out DIR --count N --seed S --conditions clean|moderate|hard|rotated|lowres [--knobs JSON]
writes DIR/<seed>.jpg|png and DIR/<seed>.json (ground truth) for seeds S..S+N-1
--knobs sets capture conditions over the preset's, e.g. '{"blurSigma":2.2}' (see synthetic/conditions.ts)`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseKnobs(text: string): Partial<CaptureConditions> {
  let knobs: unknown;
  try {
    knobs = JSON.parse(text);
  } catch {
    fail(`--knobs is not JSON: ${text}`);
  }
  if (typeof knobs !== "object" || knobs === null || Array.isArray(knobs)) fail("--knobs must be a JSON object");
  return knobs as Partial<CaptureConditions>;
}

const { values } = parseArgs({
  options: {
    out: { type: "string" },
    count: { type: "string", default: "1" },
    seed: { type: "string", default: "2000000000" },
    conditions: { type: "string", default: "clean" },
    knobs: { type: "string" },
    help: { type: "boolean", default: false },
  },
  strict: true,
});
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (!values.out) fail("--out is required");
const count = Number(values.count);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count < 1 || count > 100_000) fail(`--count must be 1..100000, got ${values.count}`);
if (!Number.isInteger(seed) || seed < 0 || seed + count - 1 > MAX_SEED)
  fail(`--seed must be 0..${MAX_SEED - count + 1}`);
if (!CONDITION_PRESETS.includes(values.conditions as ConditionPreset))
  fail(`unknown --conditions ${values.conditions}`);
const preset = values.conditions as ConditionPreset;
const conditions: ConditionsInput = values.knobs ? { ...parseKnobs(values.knobs), preset } : preset;
const purposes = new Set([seedPurpose(seed), seedPurpose(seed + count - 1)]);
if (purposes.size > 1)
  fail(`seeds ${seed}..${seed + count - 1} cross a purpose boundary (see synthetic/seed-ranges.ts)`);

await mkdir(values.out, { recursive: true });
const started = Date.now();
for (let s = seed; s < seed + count; s++) {
  const passport = await generatePassport({ seed: s, conditions });
  const ext = passport.mediaType === "image/png" ? "png" : "jpg";
  await writeFile(join(values.out, `${s}.${ext}`), passport.image);
  const truth = {
    file: `${s}.${ext}`,
    mediaType: passport.mediaType,
    width: passport.width,
    height: passport.height,
    ...passport.truth,
  };
  await writeFile(join(values.out, `${s}.json`), `${JSON.stringify(truth, null, 2)}\n`);
}
process.stdout.write(
  `wrote ${count} ${preset}${values.knobs ? ` ${values.knobs}` : ""} passports (seeds ${seed}..${seed + count - 1}, ${[...purposes][0] ?? "unreserved"} range) to ${values.out} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
);
