import { DOCUMENT_LAYOUTS, type DocumentFormat } from "./page-geometry";
import type { Random } from "./random";

/** clean / moderate / hard: TD3 passport pages photographed more or less well (issue 4). rotated: the page at any
 *  right angle, skewed up to 30 degrees, in perspective, curved, in two-page spreads, passports and cards. lowres:
 *  small MRZs (capitals 7.5-11 px), low JPEG quality, foils and watermarks over the MRZ, passports and cards. */
export const CONDITION_PRESETS = ["clean", "moderate", "hard", "rotated", "lowres"] as const;
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
  background: "plain" | "busy" | "white";
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
  /** The document: a TD3 passport data page, or a TD1 / TD2 identity card. */
  document: DocumentFormat;
  /** The page shown with its facing page (passport) or other side (card), as in two-page scans. */
  spread: boolean;
  /** Page curvature: the text lines bow by this share of the page width (0 = flat, 0.015 = about 2 mm on a
   *  passport page, a page lifting from the spine). */
  curvature: number;
  /** 0..1 opacity of a coloured foil or watermark over the MRZ. */
  foil: number;
  /** A coloured frame (and label) drawn around the MRZ, as tutorials and app screenshots show it. */
  annotation: boolean;
  /** MRZ print weight as a share of the cap height: > 0 bolder than the font, < 0 thinner (engraved cards). */
  mrzWeight: number;
}

/** A preset plus explicit overrides; the preset is sampled with the seed, overrides win. */
export type ConditionsInput = ConditionPreset | ({ preset?: ConditionPreset } & Partial<CaptureConditions>);

export const MAX_OUTPUT_PIXELS = 4000 * 3000;

/** The knobs issue 16 added, off: a flat TD3 page alone (the first three presets draw nothing for them, so their
 *  photos stay what they were). */
const FLAT_TD3 = { document: "TD3", spread: false, curvature: 0, foil: 0, annotation: false, mrzWeight: 0 } as const;

/** TD3 with the given share, else TD1 or TD2 alike. */
function pickDocument(rng: Random, td3Share: number): DocumentFormat {
  if (rng.chance(td3Share)) return "TD3";
  return rng.chance(0.5) ? "TD1" : "TD2";
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new RangeError(`invalid capture conditions: ${message}`);
}

export function validateConditions(c: CaptureConditions): CaptureConditions {
  check(Number.isInteger(c.width) && Number.isInteger(c.height), "width and height must be integers");
  check(c.width >= 64 && c.height >= 64, "output must be at least 64x64");
  check(c.width * c.height <= MAX_OUTPUT_PIXELS, `output over ${MAX_OUTPUT_PIXELS} pixels (4000x3000)`);
  check(c.pageFill > 0.05 && c.pageFill <= 1, "pageFill must be in (0.05, 1]");
  check(Math.abs(c.rotationDeg) <= 360, "rotationDeg must be within +-360");
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
  check(c.document in DOCUMENT_LAYOUTS, "document must be TD3, TD1 or TD2");
  check(c.curvature >= 0 && c.curvature <= 0.1, "curvature must be in [0, 0.1]");
  check(c.foil >= 0 && c.foil <= 1, "foil must be in [0, 1]");
  check(Math.abs(c.mrzWeight) <= 0.2, "mrzWeight must be within +-0.2");
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
        ...FLAT_TD3,
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
        ...FLAT_TD3,
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
        ...FLAT_TD3,
      };
    }
    case "rotated": {
      const document = pickDocument(rng, 0.7);
      const [w, h] = rng.pick([
        [1600, 1200],
        [2400, 1800],
        [3200, 2400],
        [4000, 3000],
      ] as const);
      const portrait = rng.chance(0.5);
      return {
        width: portrait ? h : w,
        height: portrait ? w : h,
        pageFill: rng.float(0.5, 0.85),
        rotationDeg: rng.int(0, 3) * 90 + rng.float(-30, 30),
        perspective: rng.float(0.01, 0.1),
        background: rng.pick(["plain", "busy", "white"] as const),
        blurSigma: rng.chance(0.5) ? rng.float(0.3, 1.2) : 0,
        noiseSigma: rng.float(1.5, 5),
        jpegQuality: rng.int(65, 92),
        unevenLight: rng.float(0.05, 0.4),
        glareSpots: rng.int(0, 1),
        glareOverMrz: false,
        grayscale: rng.chance(0.05),
        moire: 0,
        document,
        spread: rng.chance(0.35),
        curvature: rng.chance(0.4) ? rng.float(0.003, 0.015) : 0,
        foil: 0,
        annotation: rng.chance(0.1),
        mrzWeight: rng.chance(0.5) ? rng.float(-0.05, 0.1) : 0,
      };
    }
    case "lowres": {
      const document = pickDocument(rng, 0.6);
      const [width, height] = rng.pick([
        [480, 360],
        [640, 480],
        [800, 600],
        [1024, 768],
      ] as const);
      // The page fills as much of the frame as gives capitals of the wanted height.
      const layout = DOCUMENT_LAYOUTS[document];
      const capPx = rng.float(7.5, 11);
      return {
        width,
        height,
        pageFill: Math.min(0.95, (capPx * layout.page.width) / (layout.mrz.capHeight * width)),
        rotationDeg: (rng.chance(0.1) ? 180 : 0) + rng.float(-8, 8),
        perspective: rng.float(0, 0.03),
        background: rng.pick(["plain", "busy", "white"] as const),
        blurSigma: rng.chance(0.4) ? rng.float(0.3, 0.8) : 0,
        noiseSigma: rng.float(1, 4),
        jpegQuality: rng.int(35, 85),
        unevenLight: rng.float(0, 0.3),
        glareSpots: rng.int(0, 1),
        glareOverMrz: false,
        grayscale: rng.chance(0.1),
        moire: 0,
        document,
        // A spread would halve the page in the frame: small enough already.
        spread: false,
        curvature: 0,
        foil: rng.chance(0.35) ? rng.float(0.3, 0.8) : 0,
        annotation: rng.chance(0.05),
        mrzWeight: rng.chance(0.5) ? rng.float(-0.05, 0.1) : 0,
      };
    }
  }
}
