import type { Warning, WarningSeverity } from "contract/warning";

const RANK: Record<WarningSeverity, number> = { critical: 0, warning: 1, info: 2 };

/** Most severe first; the upstream's order is kept within a severity. Duplicate codes for the same field collapse. */
export function orderWarnings(warnings: readonly Warning[]): Warning[] {
  const seen = new Set<string>();
  const unique = warnings.filter((warning) => {
    const key = `${warning.code}\u0000${warning.field ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique
    .map((warning, index) => ({ warning, index }))
    .sort((a, b) => RANK[a.warning.severity] - RANK[b.warning.severity] || a.index - b.index)
    .map(({ warning }) => warning);
}
