/** What we know about one camera: its label (empty before permission) and, when readable, its capabilities. */
export interface CameraInfo {
  deviceId: string;
  label: string;
  /** From MediaStreamTrack.getCapabilities() / InputDeviceInfo.getCapabilities() where the browser gives them. */
  facingMode?: readonly string[];
  maxWidth?: number;
  maxHeight?: number;
  torch?: boolean;
}

const BACK = /\b(back|rear|environment|world)\b|后置|背面/i;
const FRONT = /\b(front|user|facetime|selfie)\b|前置/i;
/** Lenses that read a passport page badly: infrared, depth, very wide or tele, desk-top virtual cameras. */
const POOR =
  /\b(infra ?red|ir camera|depth|ultra ?wide|telephoto|tele|virtual|obs|snap camera|droidcam)\b|超广角|长焦/i;

/**
 * Scores a camera for photographing a document: back-facing beats front-facing, the main lens beats
 * ultra-wide/tele/IR, and more pixels beat fewer. Higher is better; the score is only compared, never shown.
 */
export function scoreCamera(camera: CameraInfo): number {
  let score = 0;
  const facing = camera.facingMode ?? [];
  if (facing.includes("environment")) score += 100;
  else if (facing.includes("user")) score -= 100;
  if (BACK.test(camera.label)) score += 60;
  if (FRONT.test(camera.label)) score -= 60;
  if (POOR.test(camera.label)) score -= 80;
  // Android names the main back lens "camera2 0, facing back"; lower indices are the main modules.
  const index = /camera2? (\d+)/i.exec(camera.label)?.[1];
  if (index !== undefined) score -= Math.min(Number(index), 9);
  const pixels = (camera.maxWidth ?? 0) * (camera.maxHeight ?? 0);
  // Up to +40 for 4K-class sensors; a 720p webcam gets about +9.
  score += Math.min(40, pixels / 207_360);
  if (camera.torch) score += 5;
  return score;
}

/** The best camera for a document, or undefined when there is none. Ties keep the browser's order. */
export function pickBestCamera<T extends CameraInfo>(cameras: readonly T[]): T | undefined {
  let best: T | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const camera of cameras) {
    const score = scoreCamera(camera);
    if (score > bestScore) {
      best = camera;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The camera to switch to after the browser picked `currentId`: the best one by score when it scores higher than
 * the one in use, else undefined (also when the one in use is not in the list).
 */
export function betterCamera<T extends CameraInfo>(
  cameras: readonly T[],
  currentId: string | undefined,
): T | undefined {
  const best = pickBestCamera(cameras);
  const current = cameras.find((c) => c.deviceId === currentId);
  if (!best || !current || best.deviceId === current.deviceId) return undefined;
  return scoreCamera(best) > scoreCamera(current) ? best : undefined;
}

/** True when the preview should be mirrored: only for a camera that faces the person. */
export function shouldMirror(facingMode: string | undefined, label: string): boolean {
  if (facingMode === "user") return true;
  if (facingMode === "environment") return false;
  return FRONT.test(label) && !BACK.test(label);
}
