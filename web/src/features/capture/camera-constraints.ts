/**
 * The video constraints we try, best first. Browsers default to 640x480 unless asked, so we ask for 1920x1080;
 * some (Safari) throw OverconstrainedError when both width and height are given, so the next rung drops height,
 * and the last asks for any video at all. A chosen device is always `exact`; otherwise the back camera is preferred.
 */
export function constraintLadder(deviceId: string | undefined): MediaTrackConstraints[] {
  const source: MediaTrackConstraints = deviceId
    ? { deviceId: { exact: deviceId } }
    : { facingMode: { ideal: "environment" } };
  return [
    { ...source, width: { ideal: 1920 }, height: { ideal: 1080 } },
    { ...source, width: { ideal: 1920 } },
    { ...source },
  ];
}

/** Errors after which a lesser rung of the ladder may still work. Everything else ends the attempt. */
export function isOverconstrained(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === "OverconstrainedError" || name === "ConstraintNotSatisfiedError";
}

type GetUserMedia = (constraints: MediaStreamConstraints) => Promise<MediaStream>;

/** Opens a stream, walking down the ladder on over-constraint; other errors are rethrown as they are. */
export async function openCamera(
  getUserMedia: GetUserMedia,
  deviceId: string | undefined,
): Promise<{ stream: MediaStream; constraints: MediaTrackConstraints }> {
  let last: unknown;
  for (const constraints of constraintLadder(deviceId)) {
    try {
      return { stream: await getUserMedia({ video: constraints, audio: false }), constraints };
    } catch (error) {
      if (!isOverconstrained(error)) throw error;
      last = error;
    }
  }
  throw last;
}
