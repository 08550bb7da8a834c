/** The QR code's dark modules as one SVG path (1 unit a module), with the quiet zone of 4 modules the standard asks. */
export const QUIET_ZONE = 4;

export function qrPath(modules: { size: number; data: ArrayLike<number | boolean> }): { path: string; size: number } {
  let path = "";
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) {
      if (modules.data[y * modules.size + x]) path += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`;
    }
  }
  return { path, size: modules.size + 2 * QUIET_ZONE };
}
