import type { FieldEdit } from "contract/review/field-edits";
import type { Warning } from "contract/warning";
import { describe, expect, it } from "vitest";
import { buildFieldRows } from "./field-rows";
import { buildReviewExport, exportFileName, fieldsAsText, REVIEW_EXPORT_FORMAT } from "./review-export";
import { specimenResult } from "./specimen-result.test-fixture";

const warning: Warning = {
  code: "tencent_blur",
  source: "tencent",
  severity: "warning",
  message: "The image is blurred (Tencent -9108).",
  details: { tencentCode: -9108 },
};
const edit: FieldEdit = {
  field: "surname",
  read: "ERIKSSON",
  value: "ERIKSON",
  reason: "printed page",
  at: "2026-11-25T23:10:00.000Z",
};
const decision = { outcome: "approve" as const, reason: "matches the holder", at: "2026-11-25T23:11:00.000Z" };

describe("buildReviewExport", () => {
  const result = specimenResult({
    warnings: [warning],
    portrait: { mediaType: "image/jpeg", base64: "/9j/AAAA" },
  });
  const rows = buildFieldRows(result);

  it("holds fields read and final, warnings, edits and decision, and no image by default", () => {
    const exported = buildReviewExport({
      result,
      rows,
      edits: [edit],
      decision,
      exportedAt: new Date("2026-11-25T23:12:00.000Z"),
    });
    expect(exported.format).toBe(REVIEW_EXPORT_FORMAT);
    expect(exported.exportedAt).toBe("2026-11-25T23:12:00.000Z");
    expect(exported.requestId).toBe("req-1");
    expect(exported.fields.surname).toEqual({
      read: "ERIKSSON",
      value: "ERIKSON",
      edited: true,
      source: "mrz",
      confidence: null,
      mrzState: "unchecked",
    });
    expect(exported.fields.number).toMatchObject({ read: "L898902C3", value: "L898902C3", edited: false });
    expect(exported.warnings).toEqual([warning]);
    expect(exported.edits).toEqual([edit]);
    expect(exported.decision).toEqual(decision);
    expect(exported.mrz?.lines).toEqual(result.mrz?.lines);
    expect(exported).not.toHaveProperty("image");
    expect(exported).not.toHaveProperty("portrait");
    expect(JSON.stringify(exported)).not.toContain("/9j/");
  });

  it("adds the image and the portrait only when asked", () => {
    const exported = buildReviewExport({
      result,
      rows,
      edits: [],
      decision: null,
      exportedAt: new Date(0),
      image: { mediaType: "image/png", base64: "iVBORw0KGgo=" },
    });
    expect(exported.image).toEqual({ mediaType: "image/png", base64: "iVBORw0KGgo=" });
    expect(exported.portrait).toEqual({ mediaType: "image/jpeg", base64: "/9j/AAAA" });
    expect(exported.decision).toBeNull();
  });
});

describe("exportFileName and fieldsAsText", () => {
  it("makes a safe file name", () => {
    expect(exportFileName("a/b:c-1")).toBe("passport-review-a_b_c-1.json");
  });

  it("writes label-tab-value lines with edits applied", () => {
    const result = specimenResult();
    const text = fieldsAsText(buildFieldRows(result).slice(0, 3), [edit], (key) => key.toUpperCase());
    expect(text).toBe("SURNAME\tERIKSON\nGIVENNAMES\tANNA MARIA\nNUMBER\tL898902C3");
  });
});
