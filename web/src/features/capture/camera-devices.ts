import type { CameraInfo } from "./camera-scoring";

/** Where the desk remembers the agent's camera. */
export const DESK_CAMERA_KEY = "passport-kyc.desk.camera";

/** MediaTrackCapabilities with the torch, which TypeScript's DOM types do not list yet. */
export type TorchTrackCapabilities = MediaTrackCapabilities & { torch?: boolean };

/** The video inputs, with the capabilities the browser gives (labels are empty before permission). */
export async function listCameras(): Promise<CameraInfo[]> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices
    .filter((d) => d.kind === "videoinput")
    .map((d) => {
      const caps = (d as InputDeviceInfo).getCapabilities?.() as TorchTrackCapabilities | undefined;
      return {
        deviceId: d.deviceId,
        label: d.label,
        facingMode: caps?.facingMode,
        maxWidth: caps?.width?.max,
        maxHeight: caps?.height?.max,
        torch: caps?.torch === true,
      };
    });
}

/** The desk's camera from the last visit; the customer's flow remembers none. */
export function rememberedCamera(mode: "customer" | "desk"): string | undefined {
  if (mode !== "desk") return undefined;
  try {
    return localStorage.getItem(DESK_CAMERA_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function rememberCamera(deviceId: string): void {
  try {
    localStorage.setItem(DESK_CAMERA_KEY, deviceId);
  } catch {
    // Private mode or storage disabled: nothing to remember.
  }
}
