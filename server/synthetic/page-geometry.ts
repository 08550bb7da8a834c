import type { Quad } from "contract/geometry";
import { TD3_MM } from "contract/td3-page";

/** The document shapes the generator draws: a passport data page (TD3) or an identity card (TD1, TD2). */
export type DocumentFormat = "TD3" | "TD1" | "TD2";

export interface MmRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A document's layout in millimetres: its size, its MRZ lines and where its portrait is (null: none on this side). */
export interface DocumentLayout {
  format: DocumentFormat;
  page: { width: number; height: number };
  mrz: { left: number; pitch: number; capHeight: number; centres: readonly number[]; charsPerLine: number };
  portrait: MmRect | null;
}

/** ICAO 9303 parts 4-6: ID-3 page (contract/td3-page), ID-1 card (MRZ on the back, three lines of 30), ID-2 card
 *  (two lines of 36). */
export const DOCUMENT_LAYOUTS: Record<DocumentFormat, DocumentLayout> = {
  TD3: { format: "TD3", page: TD3_MM.page, mrz: TD3_MM.mrz, portrait: TD3_MM.portrait },
  TD1: {
    format: "TD1",
    page: { width: 85.6, height: 54 },
    mrz: { left: (85.6 - 30 * 2.54) / 2, pitch: 2.54, capHeight: 2.42, centres: [40.2, 44.6, 49.0], charsPerLine: 30 },
    portrait: null,
  },
  TD2: {
    format: "TD2",
    page: { width: 105, height: 74 },
    mrz: { left: (105 - 36 * 2.54) / 2, pitch: 2.54, capHeight: 2.42, centres: [61.6, 67.6], charsPerLine: 36 },
    portrait: { left: 5, top: 14, width: 28, height: 36 },
  },
};

/** The band the truth reports for a layout: its text lines plus a 1.5 mm margin. */
export function mrzBandMm(layout: DocumentLayout): { left: number; right: number; top: number; bottom: number } {
  const { mrz } = layout;
  return {
    left: mrz.left - 1.5,
    right: mrz.left + mrz.pitch * mrz.charsPerLine + 1.5,
    top: (mrz.centres[0] ?? 0) - mrz.capHeight / 2 - 1.5,
    bottom: (mrz.centres[mrz.centres.length - 1] ?? 0) + mrz.capHeight / 2 + 1.5,
  };
}

/** The TD3 band the truth reports: the MRZ's text box (contract/td3-page) plus a 1.5 mm margin. */
export const MRZ_BAND_MM = mrzBandMm(DOCUMENT_LAYOUTS.TD3);

/** Corners top-left, top-right, bottom-right, bottom-left of a millimetre rectangle, scaled to pixels. */
export function rectQuad(left: number, top: number, right: number, bottom: number, scale: number): Quad {
  return [
    { x: left * scale, y: top * scale },
    { x: right * scale, y: top * scale },
    { x: right * scale, y: bottom * scale },
    { x: left * scale, y: bottom * scale },
  ];
}
