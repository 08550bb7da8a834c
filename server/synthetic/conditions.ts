import type { Random } from "./random";

export const CONDITION_PRESETS = ["clean", "moderate", "hard"] as const;
export type ConditionPreset = (typeof CONDITION_PRESETS)[number];

/** Every capture knob, resolved to a value. */
export interface CaptureConditions {
  /** Output size in pixels (at most 4000x3000). */
  width: number;
  height: number;
  /** Page width as a share of the output width, before rotation (small in frame: ~0.3). */
  pageFill: number;
  /** In-plane rotation in degrees; 180 is upside down. */
  rotationDeg: number;
  /** Corner jitter as a share of the page width (0 = flat, 0.08 = strong perspective). */
  perspective: number;
  background: "plain" | "busy";
  /** Gaussian blur sigma in output pixels; 0 = sharp. */
  blurSigma: number;
  /** Gaussian sensor noise, in grey levels. */
  noiseSigma: number;
  /** JPEG quality 1-100, or null for PNG. */
  jpegQuality: number | null;
  /** 0..1 strength of a light gradient and vignette. */
  unevenLight: number;
  glareSpots: number;
  /** Put the first glare spot on the MRZ band. */
  glareOverMrz: boolean;
  /** Grayscale photocopy. */
  grayscale: boolean;
  /** 0..1 strength of a screen-recapture moire pattern. */
  moire: number;
}

/** A preset plus explicit overrides; the preset is sampled with the seed, overrides win. */
export type ConditionsInput = ConditionPreset | ({ preset?: ConditionPreset } & Partial<CaptureConditions>);

export const MAX_OUTPUT_PIXELS = 4000 * 3000;

function sample(preset: ConditionPreset, rng: Random): CaptureConditions {
  switch (preset) {
    case "clean": {
      const [width, height] = rng.pick([
        [1600, 1200],
        [2000, 1500],
      ] as const);
      return {
        width,
        height,
        pageFill: rng.float(0.78, 0.9),
        rotationDeg: rng.float(-1, 1),
        perspective: rng.float(0, 0.01),
        background: "plain",
        blurSigma: 0,
        noiseSigma: rng.float(0.5, 2),
        jpegQuality: 92,
        unevenLight: rng.float(0, 0.1),
        glareSpots: 0,
        glareOverMrz: false,
        grayscale: false,
        moire: 0,
      };
    }
    case "moderate": {
      const [width, height] = rng.pick([
        [1920, 1440],
        [2400, 1800],
        [3200, 2400],
      ] as const);
      return {
        width,
        height,
        pageFill: rng.float(0.6, 0.85),
        rotationDeg: rng.float(-6, 6),
        perspective: rng.float(0, 0.04),
        background: rng.chance(0.6) ? "busy" : "plain",
        blurSigma: rng.chance(0.5) ? rng.float(0.4, 1.2) : 0,
        noiseSigma: rng.float(2, 5),
        jpegQuality: rng.int(70, 90),
        unevenLight: rng.float(0.15, 0.4),
        glareSpots: rng.int(0, 1),
        glareOverMrz: false,
        grayscale: rng.chance(0.05),
        moire: 0,
      };
    }
    case "hard": {
      const [width, height] = rng.pick([
        [2400, 1800],
        [3200, 2400],
        [4000, 3000],
      ] as const);
      const upsideDown = rng.chance(0.2);
      return {
        width,
        height,
        pageFill: rng.float(0.45, 0.7),
        rotationDeg: (upsideDown ? 180 : 0) + rng.float(-15, 15),
        perspective: rng.float(0.02, 0.08),
        background: "busy",
        blurSigma: rng.float(0.5, 2),
        noiseSigma: rng.float(4, 9),
        jpegQuality: rng.int(50, 75),
        unevenLight: rng.float(0.3, 0.6),
        glareSpots: rng.int(1, 2),
        glareOverMrz: rng.chance(0.3),
        grayscale: rng.chance(0.2),
        moire: rng.chance(0.3) ? rng.float(0.3, 0.6) : 0,
      };
    }
  }
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new RangeError(`invalid capture conditions: ${message}`);
}

export function validateConditions(c: CaptureConditions): CaptureConditions {
  check(Number.isInteger(c.width) && Number.isInteger(c.height), "width and height must be integers");
  check(c.width >= 64 && c.height >= 64, "output must be at least 64x64");
  check(c.width * c.height <= MAX_OUTPUT_PIXELS, `output over ${MAX_OUTPUT_PIXELS} pixels (4000x3000)`);
  check(c.pageFill > 0.05 && c.pageFill <= 1, "pageFill must be in (0.05, 1]");
  check(Math.abs(c.rotationDeg) <= 195, "rotationDeg must be within +-195");
  check(c.perspective >= 0 && c.perspective <= 0.2, "perspective must be in [0, 0.2]");
  check(c.blurSigma >= 0 && c.blurSigma <= 20, "blurSigma must be in [0, 20]");
  check(c.noiseSigma >= 0 && c.noiseSigma <= 64, "noiseSigma must be in [0, 64]");
  check(
    c.jpegQuality === null || (Number.isInteger(c.jpegQuality) && c.jpegQuality >= 1 && c.jpegQuality <= 100),
    "jpegQuality must be 1-100 or null",
  );
  check(c.unevenLight >= 0 && c.unevenLight <= 1, "unevenLight must be in [0, 1]");
  check(Number.isInteger(c.glareSpots) && c.glareSpots >= 0 && c.glareSpots <= 5, "glareSpots must be 0-5");
  check(c.moire >= 0 && c.moire <= 1, "moire must be in [0, 1]");
  return c;
}

export function resolveConditions(input: ConditionsInput, rng: Random): CaptureConditions {
  if (typeof input === "string") {
    check(CONDITION_PRESETS.includes(input), `unknown preset ${JSON.stringify(input)}`);
    return validateConditions(sample(input, rng));
  }
  const { preset = "clean", ...overrides } = input;
  check(CONDITION_PRESETS.includes(preset), `unknown preset ${JSON.stringify(preset)}`);
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  return validateConditions({ ...sample(preset, rng), ...defined });
}
