import { MrzFormatError } from "./mrz-format-error";
import { LAYOUTS, type LayoutSpec } from "./mrz-layout";

const EXPECTED =
  "expected 2 lines of 44 characters (passport TD3, visa MRV-A), 2 lines of 36 (TD2, visa MRV-B) or 3 lines of 30 (TD1 card)";

const CLEAN = /^[A-Z0-9<]+$/;

export interface NormalisedLines {
  lines: string[];
  /** True when spaces, lowercase letters or blank lines had to be removed or changed. */
  changed: boolean;
}

/** Removes whitespace (also inside lines), upper-cases, drops blank lines and splits lines holding line breaks. */
export function normaliseMrzLines(input: readonly string[]): NormalisedLines {
  if (!Array.isArray(input)) throw new MrzFormatError(`MRZ lines must be an array of strings; ${EXPECTED}.`);
  const lines: string[] = [];
  let changed = false;
  for (const [index, item] of input.entries()) {
    if (typeof item !== "string") {
      throw new MrzFormatError(`MRZ line ${String(index + 1)} is not a string; ${EXPECTED}.`);
    }
    if (CLEAN.test(item)) {
      lines.push(item);
      continue;
    }
    const parts = item.split(/\r\n|\r|\n/);
    if (parts.length > 1) changed = true;
    for (const part of parts) {
      const cleaned = part.replace(/\s+/g, "").toUpperCase();
      if (cleaned !== part) changed = true;
      if (cleaned !== "") lines.push(cleaned);
    }
  }
  return { lines, changed };
}

/** The layout these (normalised) lines follow; throws MrzFormatError saying what was expected otherwise. */
export function detectLayout(lines: readonly string[]): LayoutSpec {
  if (lines.length === 0) throw new MrzFormatError(`No MRZ lines given; ${EXPECTED}.`);
  const lengths = lines.map((l) => l.length);
  const shape = `${String(lines.length)} line${lines.length === 1 ? "" : "s"} of ${lengths.join(", ")} characters`;
  let layout: LayoutSpec | undefined;
  const first = lines[0] ?? "";
  const allOf = (n: number) => lengths.every((l) => l === n);
  if (lines.length === 3 && allOf(30)) layout = LAYOUTS.TD1;
  else if (lines.length === 2 && allOf(44)) layout = first.startsWith("V") ? LAYOUTS.MRVA : LAYOUTS.TD3;
  else if (lines.length === 2 && allOf(36)) layout = first.startsWith("V") ? LAYOUTS.MRVB : LAYOUTS.TD2;
  if (layout === undefined) throw new MrzFormatError(`Not an MRZ: got ${shape}; ${EXPECTED}.`);
  for (const [row, line] of lines.entries()) {
    const bad = /[^A-Z0-9<]/.exec(line);
    if (bad) {
      throw new MrzFormatError(
        `MRZ line ${String(row + 1)}, column ${String(bad.index + 1)}: "${bad[0]}" is not an MRZ character; expected A-Z, 0-9 or "<".`,
      );
    }
  }
  return layout;
}
