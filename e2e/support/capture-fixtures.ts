import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

/**
 * Test images made from task C's synthetic passport (seed below): the same page as PNG, JPEG, BMP, a 50-megapixel
 * JPEG, an EXIF-rotated JPEG carrying metadata that must be stripped, and a Y4M video for Chromium's fake camera.
 * Generated once into e2e/fixtures/generated (git-ignored). The HEIC is committed (fixtures/capture), because
 * writing HEIC needs libheif's heif-enc, which a fresh machine may not have: `e2e/support/make-heic.sh` remakes it.
 */
export const CAPTURE_SEED = 2000000000;

const here = dirname(fileURLToPath(import.meta.url));
const e2eRoot = join(here, "..");
export const generatedDir = join(e2eRoot, "fixtures", "generated", "capture");
export const heicFixture = join(e2eRoot, "fixtures", "capture", `passport-${CAPTURE_SEED}.heic`);
/** The fake camera's video; made by captureFixtures(), which a spec's beforeAll runs before the browser starts. */
export const fakeVideoPath = join(generatedDir, `${CAPTURE_SEED}.y4m`);
/** Fake camera videos of bad conditions, each meant to fail exactly one live check. */
export const HINT_VIDEOS = {
  blurry: "scale=1440:1080,boxblur=6:2,pad=1920:1080:240:0:0x3a3a3a",
  dark: "scale=1440:1080,pad=1920:1080:240:0:0x3a3a3a,eq=brightness=-0.6",
  far: "scale=480:360,pad=1920:1080:720:360:0x3a3a3a",
  glare: "scale=1440:1080,pad=1920:1080:240:0:0x3a3a3a,drawbox=x=700:y=300:w=420:h=260:color=white:t=fill",
} as const;
export type HintVideo = keyof typeof HINT_VIDEOS;
export const hintVideoPath = (kind: HintVideo) => join(generatedDir, `${CAPTURE_SEED}-${kind}.y4m`);

/**
 * Fake camera videos that pass every check of the picture (light, glare, fill, focus) but not the document detector:
 * a fractal (no passport), the page moved up so its MRZ lies above the marked band, and the page at 26 % of the frame
 * (MRZ capitals 17 px, under the server's 20). The good page is fakeVideoPath.
 */
export const DETECTION_VIDEOS = {
  fractal: { lavfi: "mandelbrot=size=1920x1080:rate=10" },
  "above-band": { filter: "scale=1440:1080,pad=1920:1400:240:0:0x3a3a3a,crop=1920:1080:0:320" },
  small: { filter: "scale=1006:754,pad=1920:1080:457:163:0x3a3a3a" },
} as const;
export type DetectionVideo = keyof typeof DETECTION_VIDEOS;
export const detectionVideoPath = (kind: DetectionVideo) => join(generatedDir, `${CAPTURE_SEED}-${kind}.y4m`);

function y4m(source: string | { lavfi: string }, filter: string, out: string): void {
  const input = typeof source === "string" ? ["-i", source] : ["-f", "lavfi", "-i", source.lavfi];
  execFileSync(
    "ffmpeg",
    ["-loglevel", "error", "-y", ...input, "-vf", `${filter},format=yuv420p`, "-frames:v", "2", "-r", "10", out],
    { stdio: "pipe" },
  );
}

/** Written into the rotated JPEG's EXIF; must never reach the server. */
export const METADATA_MARKER = "E2E-METADATA-MARKER";

export interface PassportTruth {
  width: number;
  height: number;
  document: { number: string; surname: string; givenNames: string; expiryDate: string };
}

export interface CaptureFixtures {
  truth: PassportTruth;
  jpeg: string;
  png: string;
  bmp: string;
  jpeg50mp: string;
  rotatedJpeg: string;
  heic: string;
  /** 1920x1080 Y4M of the page on a table, for --use-file-for-fake-video-capture. */
  video: string;
  /** A 640x400 PNG: below the 800x500 minimum. */
  tooSmall: string;
}

function bmp24(raw: Buffer, width: number, height: number): Buffer {
  const rowBytes = Math.ceil((width * 3) / 4) * 4;
  const size = 54 + rowBytes * height;
  const out = Buffer.alloc(size);
  out.write("BM", 0, "latin1");
  out.writeUInt32LE(size, 2);
  out.writeUInt32LE(54, 10);
  out.writeUInt32LE(40, 14);
  out.writeInt32LE(width, 18);
  out.writeInt32LE(height, 22);
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(24, 28);
  out.writeUInt32LE(rowBytes * height, 34);
  for (let y = 0; y < height; y++) {
    const row = 54 + (height - 1 - y) * rowBytes;
    for (let x = 0; x < width; x++) {
      const src = (y * width + x) * 3;
      out[row + x * 3] = raw[src + 2]!;
      out[row + x * 3 + 1] = raw[src + 1]!;
      out[row + x * 3 + 2] = raw[src]!;
    }
  }
  return out;
}

/**
 * Runs task C's synthetic passport generator for one page: writes its image and its truth `<seed>.json` into
 * `outDir`, under the named conditions ("clean", "hard", ...).
 */
export function generateSyntheticPage(
  outDir: string,
  seed: number,
  conditions: string,
  knobs?: Record<string, number | boolean>,
): void {
  execFileSync(
    "pnpm",
    [
      "--filter",
      "server",
      "exec",
      "tsx",
      "synthetic/cli.ts",
      "--out",
      outDir,
      "--count",
      "1",
      "--seed",
      String(seed),
      "--conditions",
      conditions,
      ...(knobs ? ["--knobs", JSON.stringify(knobs)] : []),
    ],
    { cwd: join(e2eRoot, ".."), stdio: "pipe" },
  );
}

let cached: CaptureFixtures | undefined;

export async function captureFixtures(): Promise<CaptureFixtures> {
  if (cached) return cached;
  mkdirSync(generatedDir, { recursive: true });
  const base = join(generatedDir, String(CAPTURE_SEED));
  const f: Omit<CaptureFixtures, "truth"> = {
    jpeg: `${base}.jpg`,
    png: `${base}.png`,
    bmp: `${base}.bmp`,
    jpeg50mp: `${base}-50mp.jpg`,
    rotatedJpeg: `${base}-rotated.jpg`,
    heic: heicFixture,
    video: fakeVideoPath,
    tooSmall: `${base}-small.png`,
  };
  if (!existsSync(`${base}.json`)) generateSyntheticPage(generatedDir, CAPTURE_SEED, "clean");
  const truth = JSON.parse(readFileSync(`${base}.json`, "utf8")) as PassportTruth & { file: string };
  const source = join(generatedDir, truth.file);
  if (source !== f.jpeg) await sharp(source).jpeg({ quality: 92 }).toFile(f.jpeg);
  if (!existsSync(f.png)) await sharp(source).png({ compressionLevel: 6 }).toFile(f.png);
  if (!existsSync(f.bmp)) {
    const { data, info } = await sharp(source).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    writeFileSync(f.bmp, bmp24(data, info.width, info.height));
  }
  if (!existsSync(f.jpeg50mp)) {
    // 8660 x 6495 = 56 MP with sensor-like noise at high quality: ~21 MB, like a phone's 50 MP mode, well over the
    // 7 MB limit, so the browser must compress it.
    execFileSync(
      "ffmpeg",
      [
        "-loglevel",
        "error",
        "-y",
        "-i",
        source,
        "-vf",
        "scale=8660:6495:flags=lanczos,noise=alls=12:allf=t",
        "-q:v",
        "2",
        f.jpeg50mp,
      ],
      { stdio: "pipe" },
    );
  }
  if (!existsSync(f.rotatedJpeg)) {
    // Pixels stored turned 90° counter-clockwise; EXIF Orientation 6 says "turn clockwise to view" (a phone held upright).
    const rotated = await sharp(source).rotate(-90).jpeg({ quality: 92 }).toBuffer();
    await sharp(rotated)
      .withExif({ IFD0: { Artist: METADATA_MARKER, Copyright: METADATA_MARKER } })
      .withMetadata({ orientation: 6 })
      .jpeg({ quality: 92 })
      .toFile(f.rotatedJpeg);
  }
  if (!existsSync(f.tooSmall)) await sharp(source).resize(640, 400, { fit: "fill" }).png().toFile(f.tooSmall);
  if (!existsSync(f.video)) y4m(source, "scale=1440:1080,pad=1920:1080:240:0:0x3a3a3a", f.video);
  for (const [kind, filter] of Object.entries(HINT_VIDEOS)) {
    const out = hintVideoPath(kind as HintVideo);
    if (!existsSync(out)) y4m(source, filter, out);
  }
  for (const [kind, video] of Object.entries(DETECTION_VIDEOS)) {
    const out = detectionVideoPath(kind as DetectionVideo);
    if (!existsSync(out)) y4m("lavfi" in video ? video : source, "filter" in video ? video.filter : "null", out);
  }
  cached = { truth, ...f };
  return cached;
}
