import { charValue, weightAt } from "./check-digit";
import {
  ALNUM_SUBSTITUTIONS,
  DIGIT_SUBSTITUTIONS,
  DIGIT_TO_DIGIT_COST,
  FILLER_LOOKALIKES_IN_DATA,
  type Substitution,
  UNREADABLE_CHECK_DIGIT,
} from "./confusions";
import { resolveMrzDate } from "./mrz-date";
import { type FieldSpec, guardedColumns, type LayoutSpec } from "./mrz-layout";
import { numberShapeCost } from "./number-shape";
import type { MrzCorrection } from "./types";

/**
 * Check-digit-guided correction of the checked fields (document number, optional data, dates) and of their check
 * digits: candidates are confusable substitutions (see confusions.ts), combined across fields with at most `maxEdits`
 * changes, and must make every field's own check digit and the composite hold (and dates real dates). The cheapest
 * candidate wins only when it is unique; a tie means the read is ambiguous and nothing is changed (the failing checks
 * are then reported).
 */

type Grid = string[][];

interface Edit {
  line: number;
  column: number;
  from: string;
  to: string;
  cost: number;
  /** Change of the field's own weighted sum, mod 10. */
  own: number;
  /** Change of the composite's weighted sum, mod 10. */
  comp: number;
  /** A digit taken for another digit, or an unreadable check digit: only the check digits speak for it. */
  guess?: boolean;
}

interface Candidate {
  /** Substitution costs plus the number-shape prior. */
  cost: number;
  /** Substitution costs alone: what the read itself says. */
  editCost: number;
  edits: Edit[];
  /** How many of the edits are guesses (see Edit.guess). */
  guesses: number;
  comp: number;
}

const EPSILON = 1e-9;
/**
 * A guess (a digit misread as a digit) is confirmed only by its field's check digit and the composite together, so
 * it is taken only as the one change a read needs: two changes with a guess among them could make almost any
 * damaged read hold.
 */
const canAdd = (edits: number, guesses: number, edit: { edits: number; guesses: number }) =>
  edit.guesses + guesses === 0 || edits + edit.edits <= 1;
const mod10 = (n: number) => ((n % 10) + 10) % 10;
const isDigit = (c: string | undefined): c is string => c !== undefined && c >= "0" && c <= "9";

const compositeWeightCache = new WeakMap<LayoutSpec, Map<number, number>>();

/** Weight of each (line, column) inside the composite, keyed line * 1000 + column. */
function compositeWeights(layout: LayoutSpec): Map<number, number> {
  let weights = compositeWeightCache.get(layout);
  if (weights) return weights;
  weights = new Map();
  let index = 0;
  for (const range of layout.composite?.ranges ?? []) {
    for (let c = range.start; c < range.end; c++) weights.set(range.line * 1000 + c, weightAt(index++));
  }
  compositeWeightCache.set(layout, weights);
  return weights;
}

function weightedSum(grid: Grid, line: number, columns: readonly number[]): number {
  const row = grid[line] ?? [];
  let sum = 0;
  for (const [i, c] of columns.entries()) sum += charValue(row[c] ?? "<") * weightAt(i);
  return sum;
}

/** The fields this search repairs: letters-and-digits numbers and dates (the other fields have no check digit). */
const searched = (field: FieldSpec) => field.kind === "alnum" || field.kind === "date";

/** A date field's value is a calendar date (or left unknown with fillers, as ICAO allows). */
function isRealDate(field: FieldSpec, value: string, today: Date): boolean {
  return !resolveMrzDate(value, field.name === "birthDate" ? "birth" : "expiry", today).invalid;
}

/** Quick test before any search: every checked field's own check digit holds, and the composite. */
function allChecksHold(layout: LayoutSpec, fields: readonly FieldSpec[], grid: Grid, compositeOk: boolean): boolean {
  if (!compositeOk) return false;
  for (const field of fields) {
    if (!searched(field) || field.check === undefined) continue;
    const checkChar = grid[field.line]?.[field.check];
    if (!isDigit(checkChar)) {
      if (checkChar === "<" && (grid[field.line] ?? []).slice(field.start, field.end).every((c) => c === "<")) continue;
      return false;
    }
    const sum = weightedSum(grid, field.line, guardedColumns(field));
    if (
      mod10(sum) !== Number(checkChar) &&
      !(field.gap !== undefined && holdsWithFiller(grid, field, Number(checkChar)))
    ) {
      return false;
    }
  }
  return layout !== undefined;
}

/** TD1 long number read with the filler at column 15 included (an issuer variant, see parse-mrz.ts). */
function holdsWithFiller(grid: Grid, field: FieldSpec, digit: number): boolean {
  const columns: number[] = [];
  for (let c = field.start; c < field.end; c++) columns.push(c);
  return mod10(weightedSum(grid, field.line, columns)) === digit;
}

function compositeSum(layout: LayoutSpec, grid: Grid): number {
  let sum = 0;
  let index = 0;
  for (const range of layout.composite?.ranges ?? []) {
    const row = grid[range.line] ?? [];
    for (let c = range.start; c < range.end; c++) sum += charValue(row[c] ?? "<") * weightAt(index++);
  }
  return sum;
}

/** A filler followed by data inside the same field is no padding: most likely a misread X (K is invisible). */
const INNER_FILLER: readonly Substitution[] = [{ to: "X", cost: 1.2 }];
/** An X at the end of the data, before the padding, may be the padding's first filler. */
const LAST_X: readonly Substitution[] = [{ to: "<", cost: 1.2 }];
/** And the padding's first filler may be the data's last character, an X. */
const FIRST_FILLER: readonly Substitution[] = [{ to: "X", cost: 1.3 }];

function fillerInside(row: readonly string[], column: number, field: FieldSpec): boolean {
  for (let c = column + 1; c < field.end; c++) if (c !== field.gap && row[c] !== "<") return true;
  return false;
}

/** Whether anything but fillers and their lookalikes follows `column` inside the field. */
function dataAfter(row: readonly string[], column: number, field: FieldSpec): boolean {
  for (let c = column + 1; c < field.end; c++) {
    if (c !== field.gap && row[c] !== "<" && !FILLER_LOOKALIKES_IN_DATA.has(row[c] ?? "")) return true;
  }
  return false;
}

/** What a character of a letters-and-digits field may really have been. */
function alnumSubstitutions(
  row: readonly string[],
  column: number,
  field: FieldSpec,
): readonly Substitution[] | undefined {
  const from = row[column] ?? "<";
  if (from === "<") {
    if (fillerInside(row, column, field)) return INNER_FILLER;
    return column > field.start && row[column - 1] !== "<" ? FIRST_FILLER : undefined;
  }
  if (from === "X" && !dataAfter(row, column, field)) return LAST_X;
  return ALNUM_SUBSTITUTIONS[from];
}

/**
 * What the field's check digit may really have been: a digit the recogniser confuses with the one read, or, when
 * it read a letter no digit looks like, any digit (the field's own check then proves nothing, and one of these edits
 * must be taken).
 * The field's own sum is compared with the digit read (0 for a letter), so an edit moves what it must reach.
 */
function checkPlaceEdits(
  field: FieldSpec,
  row: readonly string[],
  compWeights: Map<number, number>,
  disputed: Disputes,
): Edit[] {
  if (field.check === undefined) return [];
  const from = row[field.check] ?? "";
  const read = isDigit(from) ? Number(from) : null;
  const subs = read === null ? (from >= "A" && from <= "Z" ? UNREADABLE_CHECK_DIGIT : []) : DIGIT_SUBSTITUTIONS[from];
  const seen = disputed.get(field.line * 1000 + field.check);
  const withSeen =
    isDigit(seen) && seen !== from && !(subs ?? []).some((s) => s.to === seen)
      ? [...(subs ?? []), { to: seen, cost: DISPUTED_SEEN_COST }]
      : (subs ?? []);
  const compWeight = compWeights.get(field.line * 1000 + field.check) ?? 0;
  const edits: Edit[] = [];
  for (const sub of withSeen) {
    const digit = Number(sub.to);
    edits.push({
      line: field.line,
      column: field.check,
      from,
      to: sub.to,
      cost: sub.cost,
      own: mod10(-(digit - (read ?? 0))),
      comp: mod10((digit - charValue(from)) * compWeight),
      guess: true,
    });
  }
  return edits;
}

/**
 * Places another recognition of the same band read differently (key line * 1000 + column), with what it saw. A digit
 * the two recognitions dispute is one only the check digits can settle: any digit may stand there (and what the other
 * recognition saw), each a guess, taken only as the read's one change with the field's own check digit and the
 * composite holding. One unknown at a known place is what a check digit can solve for. For a date the composite
 * confirms the digit on its own; a number's weights in the composite repeat its own check's, so there the dispute
 * itself is the evidence, and a guess is always reported as uncertain.
 */
type Disputes = ReadonlyMap<number, string>;

/** What the other recognition saw costs as much as a lookalike: it is evidence, not a shape's guess. */
const DISPUTED_SEEN_COST = 1;
const DIGITS = [..."0123456789"];

/** The guesses a disputed place of a checked field adds to its substitutions (none where nothing is disputed). */
function disputedEdits(field: FieldSpec, from: string, seen: string | undefined, subs: readonly Substitution[]) {
  if (seen === undefined || seen === from) return [];
  const digitsFit = field.kind === "date" || isDigit(from) || isDigit(seen);
  const out: Substitution[] = [];
  if (seen !== "<" && (field.kind !== "date" || isDigit(seen))) out.push({ to: seen, cost: DISPUTED_SEEN_COST });
  if (digitsFit) for (const d of DIGITS) if (d !== seen) out.push({ to: d, cost: DIGIT_TO_DIGIT_COST });
  return out.filter((sub) => sub.to !== from && !subs.some((s) => s.to === sub.to));
}

/**
 * The substitutions each position of the field (and its check digit) allows, grouped by position; digit-for-digit
 * guesses only when `guesses` (a composite is there to confirm them).
 */
function positionsOf(
  field: FieldSpec,
  grid: Grid,
  compWeights: Map<number, number>,
  guesses: boolean,
  disputed: Disputes,
): Edit[][] {
  const row = grid[field.line] ?? [];
  const positions: Edit[][] = [];
  const date = field.kind === "date";
  for (const [i, column] of guardedColumns(field).entries()) {
    const from = row[column] ?? "<";
    const plain =
      (date ? (guesses ? DIGIT_SUBSTITUTIONS[from] : undefined) : alnumSubstitutions(row, column, field)) ?? [];
    const extra = guesses ? disputedEdits(field, from, disputed.get(field.line * 1000 + column), plain) : [];
    if (plain.length + extra.length === 0) continue;
    const ownWeight = field.check === undefined ? 0 : weightAt(i);
    const compWeight = compWeights.get(field.line * 1000 + column) ?? 0;
    const alts: Edit[] = [];
    for (const [k, sub] of [...plain, ...extra].entries()) {
      const delta = charValue(sub.to) - charValue(from);
      const own = mod10(delta * ownWeight);
      const comp = mod10(delta * compWeight);
      // A change no check digit can see (G/6, 1/L, K/<) can never be justified by one.
      if (own === 0 && comp === 0) continue;
      alts.push({
        line: field.line,
        column,
        from,
        to: sub.to,
        cost: sub.cost,
        own,
        comp,
        guess: date || k >= plain.length,
      });
    }
    if (alts.length > 0) positions.push(alts);
  }
  const check = guesses ? checkPlaceEdits(field, row, compWeights, disputed) : [];
  if (check.length > 0) positions.push(check);
  return positions;
}

/** Every combination of up to `maxEdits` substitutions (at most one per position) that `accept` takes. */
function enumerate(
  field: FieldSpec,
  grid: Grid,
  positions: Edit[][],
  maxEdits: number,
  accept: (own: number, edits: readonly Edit[], value: string) => boolean,
): Candidate[] {
  const found: Candidate[] = [];
  const chosen: Edit[] = [];
  const row = grid[field.line] ?? [];
  const value = () => {
    const text = [...row];
    for (const e of chosen) text[e.column] = e.to;
    return guardedColumns(field)
      .map((c) => text[c] ?? "<")
      .join("");
  };
  const walk = (from: number, own: number, comp: number, cost: number, guesses: number) => {
    const text = value();
    if (accept(own, chosen, text)) {
      found.push({ cost: cost + numberShapeCost(text), editCost: cost, edits: [...chosen], comp, guesses });
    }
    if (chosen.length === maxEdits) return;
    for (let p = from; p < positions.length; p++) {
      for (const edit of positions[p] ?? []) {
        const guess = edit.guess ? 1 : 0;
        if (!canAdd(chosen.length, guesses, { edits: 1, guesses: guess })) continue;
        chosen.push(edit);
        walk(p + 1, mod10(own + edit.own), mod10(comp + edit.comp), cost + edit.cost, guesses + guess);
        chosen.pop();
      }
    }
  };
  walk(0, 0, 0, 0, 0);
  return found.sort((a, b) => a.cost - b.cost);
}

/**
 * How much cheaper the winner must be than the runner-up. Below this the read is ambiguous: reporting it as
 * failed is better than returning a wrong number as verified.
 */
const MARGIN = 0.3;

/** The gap reported for repairs of fields that only the composite guards (below any "certain" threshold). */
const COMPOSITE_ONLY_GAP = 1;

function apply(grid: Grid, edits: readonly Edit[], field: FieldSpec["name"], out: MrzCorrection[]) {
  for (const e of edits) {
    const row = grid[e.line];
    if (row) row[e.column] = e.to;
    // A place already changed by field type (a check digit read U, taken for 0, that was an 8) is one change.
    const earlier = out.findIndex((c) => c.line === e.line && c.column === e.column);
    const from = earlier >= 0 ? (out[earlier]?.from ?? e.from) : e.from;
    if (earlier >= 0) out.splice(earlier, 1);
    if (from !== e.to) out.push({ field, line: e.line, column: e.column, from, to: e.to });
  }
}

interface Unit {
  field: FieldSpec;
  /** Candidates that satisfy the field's own check digit (or all, for fields guarded only by the composite). */
  candidates: Candidate[];
}

export interface SearchOptions {
  /** Most substitutions to consider in one read (default 3). */
  maxEdits: number;
  /** The day two-digit years are resolved against (a repaired date must be a real one). */
  today: Date;
  /** Places another recognition of the same lines read differently, and what it saw there (see Disputes). */
  disputed?: readonly DisputedPlace[];
}

/** A place (line, column) another recognition read differently, and the character it saw. */
export interface DisputedPlace {
  line: number;
  column: number;
  seen: string;
}

export interface SearchOutcome {
  /**
   * When a correction was made: how much more the next read consistent with every check digit would cost
   * (Infinity when there is none within the search budget). Small gaps mean the check digits alone did not decide.
   */
  gap: number | null;
}

/** Runs the search over `grid` in place; appends each change made to `out`. */
export function searchWithCheckDigits(
  layout: LayoutSpec,
  fields: readonly FieldSpec[],
  grid: Grid,
  out: MrzCorrection[],
  options: SearchOptions,
): SearchOutcome {
  const compWeights = compositeWeights(layout);
  const disputed: Disputes = new Map((options.disputed ?? []).map((d) => [d.line * 1000 + d.column, d.seen]));
  const composite = layout.composite;
  const compositeChar = composite ? grid[composite.line]?.[composite.column] : undefined;
  const compositeUsable = composite !== undefined && isDigit(compositeChar);
  const compositeHolds = compositeUsable && mod10(compositeSum(layout, grid)) === Number(compositeChar);

  if (allChecksHold(layout, fields, grid, compositeHolds || !compositeUsable)) return { gap: null };

  const units: Unit[] = [];
  let allOwnHold = true;
  let someUnfixable = false;
  for (const field of fields) {
    if (!searched(field)) continue;
    if (field.check !== undefined) {
      const checkChar = grid[field.line]?.[field.check] ?? "";
      // "<" guards an empty optional-data field: nothing to verify or repair.
      if (checkChar === "<") continue;
      const unreadable = !isDigit(checkChar);
      // Without a composite nothing else would vouch for a field whose check digit cannot be read.
      if (unreadable && !compositeUsable) {
        someUnfixable = true;
        continue;
      }
      let needed = mod10((unreadable ? 0 : Number(checkChar)) - weightedSum(grid, field.line, guardedColumns(field)));
      if (needed !== 0 && !unreadable && field.gap !== undefined && holdsWithFiller(grid, field, Number(checkChar))) {
        needed = 0;
      }
      if (needed !== 0 || unreadable) allOwnHold = false;
      const candidates = enumerate(
        field,
        grid,
        positionsOf(field, grid, compWeights, compositeUsable, disputed),
        options.maxEdits,
        (own, edits, value) =>
          own === needed &&
          (!unreadable || edits.some((e) => e.column === field.check)) &&
          // A repaired date must be a calendar date; one read as printed is left to the date checks (a specimen
          // may print 29 February of a common year).
          (field.kind !== "date" || edits.length === 0 || isRealDate(field, value, options.today)),
      );
      if (candidates.length === 0) someUnfixable = true;
      units.push({ field, candidates });
    } else if (compositeUsable && isInComposite(layout, field)) {
      const candidates = enumerate(
        field,
        grid,
        positionsOf(field, grid, compWeights, compositeUsable, disputed),
        Math.min(2, options.maxEdits),
        () => true,
      );
      units.push({ field, candidates });
    }
  }
  if (allOwnHold && (compositeHolds || !compositeUsable)) return { gap: null };

  if (someUnfixable) return { gap: null };
  if (compositeUsable) {
    const needed = mod10(Number(compositeChar) - compositeSum(layout, grid));
    const found = bestCombination(units, needed, options.maxEdits);
    if (!found) return { gap: null };
    let weak = false;
    for (const [i, unit] of units.entries()) {
      const edits = found.choice[i]?.edits ?? [];
      apply(grid, edits, unit.field.name, out);
      if (edits.length > 0 && unit.field.check === undefined) weak = true;
      // A digit guess is confirmed by two mod-10 checks among a few dozen candidates: never certain either.
      if (edits.some((e) => e.guess)) weak = true;
    }
    // A field guarded only by the composite (it has no check digit, or its check digit could not be read) shares
    // one digit with everything else: its repair is never certain, and neither is a digit guess.
    return { gap: weak ? Math.min(found.gap, COMPOSITE_ONLY_GAP) : found.gap };
  }
  if (composite !== undefined) return { gap: null };
  let gap: number | null = null;
  // Visas have no composite: each field is repaired on its own check digit.
  for (const unit of units) {
    if (unit.field.check === undefined) continue;
    if (unit.candidates.some((c) => c.edits.length === 0)) continue;
    const found = bestCombination([unit], 0, options.maxEdits);
    if (!found) continue;
    apply(grid, found.choice[0]?.edits ?? [], unit.field.name, out);
    gap = Math.min(gap ?? Number.POSITIVE_INFINITY, found.gap);
  }
  return { gap };
}

function isInComposite(layout: LayoutSpec, field: FieldSpec): boolean {
  return (layout.composite?.ranges ?? []).some(
    (r) => r.line === field.line && r.start <= field.start && field.end <= r.end,
  );
}

type CostKey = "cost" | "editCost";

interface Combination {
  choice: Candidate[];
  cost: number;
  editCost: number;
}

/** Branch and bound over one candidate per unit: the two cheapest combinations (by `key`) making the composite hold. */
function cheapestTwo(
  units: readonly Unit[],
  needed: number,
  maxEdits: number,
  key: CostKey,
): [Combination | null, Combination | null] {
  const sorted = units.map((u) => [...u.candidates].sort((a, b) => a[key] - b[key]));
  let first: Combination | null = null;
  let second: Combination | null = null;
  const bound = () => second?.[key] ?? Number.POSITIVE_INFINITY;
  const chosen: Candidate[] = [];
  const walk = (i: number, comp: number, cost: number, editCost: number, edits: number, guesses: number) => {
    const here = key === "cost" ? cost : editCost;
    if (here > bound() + EPSILON) return;
    const candidates = sorted[i];
    if (candidates === undefined) {
      if (comp !== needed) return;
      const found = { choice: [...chosen], cost, editCost };
      if (first === null || here < first[key]) {
        second = first;
        first = found;
      } else if (here < bound()) second = found;
      return;
    }
    for (const candidate of candidates) {
      if (here + candidate[key] > bound() + EPSILON) break;
      if (edits + candidate.edits.length > maxEdits) continue;
      if (!canAdd(edits, guesses, { edits: candidate.edits.length, guesses: candidate.guesses })) continue;
      chosen.push(candidate);
      walk(
        i + 1,
        mod10(comp + candidate.comp),
        cost + candidate.cost,
        editCost + candidate.editCost,
        edits + candidate.edits.length,
        guesses + candidate.guesses,
      );
      chosen.pop();
    }
  };
  walk(0, 0, 0, 0, 0, 0);
  return [first, second];
}

const sameChoice = (a: readonly Candidate[], b: readonly Candidate[]) => a.every((c, i) => c === b[i]);

/**
 * The cheapest combination by total cost when it clearly beats the next, with how clearly it won: the smaller of
 * its lead in total cost and its lead in substitution cost over every other combination. When the shape prior
 * overturned what the substitutions alone said, that lead is negative: the check digits did not decide, the prior did.
 */
function bestCombination(
  units: readonly Unit[],
  needed: number,
  maxEdits: number,
): { choice: Candidate[]; gap: number } | null {
  const [best, next] = cheapestTwo(units, needed, maxEdits, "cost");
  if (best === null || (next !== null && next.cost - best.cost < MARGIN - EPSILON)) return null;
  const [leastEdits, nextEdits] = cheapestTwo(units, needed, maxEdits, "editCost");
  const rival = leastEdits !== null && !sameChoice(leastEdits.choice, best.choice) ? leastEdits : nextEdits;
  const gap = Math.min(
    next === null ? Number.POSITIVE_INFINITY : next.cost - best.cost,
    rival === null ? Number.POSITIVE_INFINITY : rival.editCost - best.editCost,
  );
  return { choice: best.choice, gap };
}
