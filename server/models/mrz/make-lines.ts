import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { randomLineDegradation, renderMrzLineImage } from "../../synthetic/mrz-line-image";
import { randomFieldLineText, randomMrzLineText } from "../../synthetic/mrz-line-text";
import { Random } from "../../synthetic/random";
import { assertSeedFor, type SeedPurpose } from "../../synthetic/seed-ranges";

/** Writes MRZ line images with tesseract ground truth: NAME.png, NAME.gt.txt and NAME.box (WordStr, one line). */
const { values } = parseArgs({
  options: {
    out: { type: "string" },
    purpose: { type: "string", default: "train" },
    from: { type: "string" },
    count: { type: "string", default: "100" },
    severity: { type: "string", default: "mixed" },
  },
  strict: true,
});
const usage = "usage: tsx models/mrz/make-lines.ts --out DIR --purpose train|eval --from SEED --count N [--severity mixed|clean|field]";
if (!values.out || values.from === undefined) throw new Error(usage);
const purpose = values.purpose as SeedPurpose;
const from = Number(values.from);
const count = Number(values.count);
const severity = values.severity === "clean" || values.severity === "field" ? values.severity : "mixed";
assertSeedFor(purpose, from);
assertSeedFor(purpose, from + count - 1);

await mkdir(values.out, { recursive: true });
for (let seed = from; seed < from + count; seed++) {
  const name = join(values.out, `mrz_${seed}`);
  // Resumable: the .box file is written last, so its presence means this seed is complete.
  if (existsSync(`${name}.box`)) continue;
  const rng = new Random(seed);
  const text = severity === "field" ? randomFieldLineText(rng) : randomMrzLineText(rng);
  const line = await renderMrzLineImage(text, randomLineDegradation(rng, severity), rng);
  await writeFile(`${name}.png`, line.png);
  await writeFile(`${name}.gt.txt`, `${text}\n`);
  const { width: w, height: h } = line;
  await writeFile(`${name}.box`, `WordStr 0 0 ${w} ${h} 0 #${text}\n\t ${w} ${h} ${w + 1} ${h + 1} 0\n`);
}
process.stdout.write(`wrote ${count} ${severity} lines (${purpose} seeds ${from}..${from + count - 1}) to ${values.out}\n`);
