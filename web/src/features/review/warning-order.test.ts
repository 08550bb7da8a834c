import type { Warning } from "contract/warning";
import { describe, expect, it } from "vitest";
import { orderWarnings } from "./warning-order";

const w = (code: string, severity: Warning["severity"], field?: string): Warning => ({
  code,
  severity,
  source: "mrz",
  message: code,
  ...(field ? { field } : {}),
});

describe("orderWarnings", () => {
  it("sorts critical, then warning, then info, keeping upstream order inside a severity", () => {
    const ordered = orderWarnings([w("a", "info"), w("b", "warning"), w("c", "critical"), w("d", "warning")]);
    expect(ordered.map((x) => x.code)).toEqual(["c", "b", "d", "a"]);
  });

  it("collapses the same code on the same field but keeps it for different fields", () => {
    const ordered = orderWarnings([
      w("x", "warning", "surname"),
      w("x", "warning", "surname"),
      w("x", "warning", "sex"),
    ]);
    expect(ordered.map((x) => x.field)).toEqual(["surname", "sex"]);
  });
});
