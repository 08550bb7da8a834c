/** Rounds to `digits` decimals (measures reported in warnings and results). */
export const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;
