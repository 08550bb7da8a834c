import type { Quad } from "contract/geometry";
import { TD3_MM } from "contract/td3-page";

/** The band the truth reports: the MRZ's text box (contract/td3-page) plus a 1.5 mm margin. */
export const MRZ_BAND_MM = {
  left: TD3_MM.mrzText.left - 1.5,
  right: TD3_MM.mrzText.right + 1.5,
  top: TD3_MM.mrzText.top - 1.5,
  bottom: TD3_MM.mrzText.bottom + 1.5,
} as const;

/** Corners top-left, top-right, bottom-right, bottom-left of a millimetre rectangle, scaled to pixels. */
export function rectQuad(left: number, top: number, right: number, bottom: number, scale: number): Quad {
  return [
    { x: left * scale, y: top * scale },
    { x: right * scale, y: top * scale },
    { x: right * scale, y: bottom * scale },
    { x: left * scale, y: bottom * scale },
  ];
}
