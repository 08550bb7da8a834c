import { charValue, weightAt } from "./check-digit";
import { ALNUM_SUBSTITUTIONS } from "./confusions";
import { type FieldSpec, guardedColumns, type LayoutSpec } from "./mrz-layout";
import type { MrzCorrection } from "./types";

/**
 * Check-digit-guided correction of letters-and-digits fields (document number, optional data): candidates are
 * confusable substitutions (see confusions.ts), combined across fields with at most `maxEdits` changes, and must
 * make every field's own check digit and the composite hold. The cheapest candidate wins only when it is unique;
 * a tie means the read is ambiguous and nothing is changed (the failing checks are then reported).
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
}

interface Candidate {
  cost: number;
  edits: Edit[];
  comp: number;
}

const EPSILON = 1e-9;
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

function compositeSum(layout: LayoutSpec, grid: Grid): number {
  let sum = 0;
  let index = 0;
  for (const range of layout.composite?.ranges ?? []) {
    const row = grid[range.line] ?? [];
    for (let c = range.start; c < range.end; c++) sum += charValue(row[c] ?? "<") * weightAt(index++);
  }
  return sum;
}

/** The substitutions each position of the field allows, grouped by position. */
function positionsOf(field: FieldSpec, grid: Grid, compWeights: Map<number, number>): Edit[][] {
  const row = grid[field.line] ?? [];
  const positions: Edit[][] = [];
  for (const [i, column] of guardedColumns(field).entries()) {
    const from = row[column] ?? "<";
    const subs = ALNUM_SUBSTITUTIONS[from];
    if (!subs) continue;
    const ownWeight = field.check === undefined ? 0 : weightAt(i);
    const compWeight = compWeights.get(field.line * 1000 + column) ?? 0;
    const alts: Edit[] = [];
    for (const sub of subs) {
      const delta = charValue(sub.to) - charValue(from);
      const own = mod10(delta * ownWeight);
      const comp = mod10(delta * compWeight);
      // A change no check digit can see (G/6, 1/L, K/<) can never be justified by one.
      if (own === 0 && comp === 0) continue;
      alts.push({ line: field.line, column, from, to: sub.to, cost: sub.cost, own, comp });
    }
    if (alts.length > 0) positions.push(alts);
  }
  return positions;
}

/** Every combination of up to `maxEdits` substitutions (at most one per position) whose own-sum change is accepted. */
function enumerate(positions: Edit[][], maxEdits: number, accept: (own: number) => boolean): Candidate[] {
  const found: Candidate[] = [];
  const chosen: Edit[] = [];
  const walk = (from: number, own: number, comp: number, cost: number) => {
    if (accept(own)) found.push({ cost, edits: [...chosen], comp });
    if (chosen.length === maxEdits) return;
    for (let p = from; p < positions.length; p++) {
      for (const edit of positions[p] ?? []) {
        chosen.push(edit);
        walk(p + 1, mod10(own + edit.own), mod10(comp + edit.comp), cost + edit.cost);
        chosen.pop();
      }
    }
  };
  walk(0, 0, 0, 0);
  return found.sort((a, b) => a.cost - b.cost);
}

/** The cheapest candidate when it is unique; null when there is none or a tie. */
function uniqueBest(candidates: readonly Candidate[]): Candidate | null {
  const [first, second] = candidates;
  if (first === undefined) return null;
  if (second !== undefined && second.cost - first.cost < EPSILON) return null;
  return first;
}

function apply(grid: Grid, edits: readonly Edit[], field: FieldSpec["name"], out: MrzCorrection[]) {
  for (const e of edits) {
    const row = grid[e.line];
    if (row) row[e.column] = e.to;
    out.push({ field, line: e.line, column: e.column, from: e.from, to: e.to });
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
}

/** Runs the search over `grid` in place; appends each change made to `out`. */
export function searchWithCheckDigits(
  layout: LayoutSpec,
  fields: readonly FieldSpec[],
  grid: Grid,
  out: MrzCorrection[],
  options: SearchOptions,
): void {
  const compWeights = compositeWeights(layout);
  const composite = layout.composite;
  const compositeChar = composite ? grid[composite.line]?.[composite.column] : undefined;
  const compositeUsable = composite !== undefined && isDigit(compositeChar);
  const compositeHolds = compositeUsable && mod10(compositeSum(layout, grid)) === Number(compositeChar);

  // Dates and their check digits are repaired by field type before this search; if one still fails, the read is
  // damaged beyond confusable letters and nothing here could be trusted.
  for (const field of fields) {
    if (field.kind !== "date" || field.check === undefined) continue;
    const checkChar = grid[field.line]?.[field.check];
    const sum = weightedSum(grid, field.line, guardedColumns(field));
    if (!isDigit(checkChar) || mod10(sum) !== Number(checkChar)) return;
  }

  const units: Unit[] = [];
  let allOwnHold = true;
  let someUnfixable = false;
  for (const field of fields) {
    if (field.kind !== "alnum") continue;
    if (field.check !== undefined) {
      const checkChar = grid[field.line]?.[field.check];
      if (!isDigit(checkChar)) {
        // "<" guards an empty optional-data field; anything else cannot be verified or repaired here.
        if (checkChar !== "<") someUnfixable = true;
        continue;
      }
      const needed = mod10(Number(checkChar) - weightedSum(grid, field.line, guardedColumns(field)));
      if (needed !== 0) allOwnHold = false;
      const candidates = enumerate(positionsOf(field, grid, compWeights), options.maxEdits, (own) => own === needed);
      if (candidates.length === 0) someUnfixable = true;
      units.push({ field, candidates });
    } else if (compositeUsable && isInComposite(layout, field)) {
      const candidates = enumerate(positionsOf(field, grid, compWeights), Math.min(2, options.maxEdits), () => true);
      units.push({ field, candidates });
    }
  }
  if (allOwnHold && (compositeHolds || !compositeUsable)) return;

  if (someUnfixable) return;
  if (compositeUsable) {
    const needed = mod10(Number(compositeChar) - compositeSum(layout, grid));
    const best = bestCombination(units, needed, options.maxEdits);
    if (best) for (const [i, unit] of units.entries()) apply(grid, best[i]?.edits ?? [], unit.field.name, out);
    return;
  }
  if (composite !== undefined) return;
  // Visas have no composite: each field is repaired on its own check digit.
  for (const unit of units) {
    if (unit.field.check === undefined) continue;
    if (unit.candidates[0]?.cost === 0) continue;
    const best = uniqueBest(unit.candidates);
    if (best) apply(grid, best.edits, unit.field.name, out);
  }
}

function isInComposite(layout: LayoutSpec, field: FieldSpec): boolean {
  return (layout.composite?.ranges ?? []).some(
    (r) => r.line === field.line && r.start <= field.start && field.end <= r.end,
  );
}

/** Branch and bound over one candidate per unit: the cheapest combination making the composite hold, if unique. */
function bestCombination(units: readonly Unit[], needed: number, maxEdits: number): Candidate[] | null {
  let best: Candidate[] | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  let tied = false;
  const chosen: Candidate[] = [];
  const walk = (i: number, comp: number, cost: number, edits: number) => {
    if (cost > bestCost + EPSILON) return;
    const unit = units[i];
    if (unit === undefined) {
      if (comp !== needed) return;
      if (cost < bestCost - EPSILON) {
        best = [...chosen];
        bestCost = cost;
        tied = false;
      } else tied = true;
      return;
    }
    for (const candidate of unit.candidates) {
      if (cost + candidate.cost > bestCost + EPSILON) break;
      if (edits + candidate.edits.length > maxEdits) continue;
      chosen.push(candidate);
      walk(i + 1, mod10(comp + candidate.comp), cost + candidate.cost, edits + candidate.edits.length);
      chosen.pop();
    }
  };
  walk(0, 0, 0, 0);
  return tied ? null : best;
}
