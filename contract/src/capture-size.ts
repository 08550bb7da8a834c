/**
 * How large the passport must be in the photo the server reads. The offline engine warns below these
 * (`mrz_too_small`, `document_too_small`); the live camera view waits for them before it says "Good" and takes the
 * photo, so a customer is never told a photo is good that the server then flags.
 */

/** The MRZ's capital height in pixels of the photo, below which the reading gets unreliable. */
export const MIN_MRZ_CAP_HEIGHT_PX = 20;

/** The share of the photo's area the passport page covers, below which it is too far away. */
export const MIN_DOCUMENT_AREA_SHARE = 0.3;
