import { useCallback, useState } from "react";
import type { TorchTrackCapabilities } from "./camera-devices";

/** The torch of the video track in use: whether it has one, whether it is on, and the switch. */
export function useTorch(track: MediaStreamTrack | undefined) {
  const [torch, setTorch] = useState<{ supported: boolean; on: boolean }>({ supported: false, on: false });

  /** A new track: its torch, off. */
  const reset = useCallback((next: MediaStreamTrack) => {
    const caps = next.getCapabilities?.() as TorchTrackCapabilities | undefined;
    setTorch({ supported: caps?.torch === true, on: false });
  }, []);

  const toggle = async () => {
    if (!track) return;
    const on = !torch.on;
    try {
      await track.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
      setTorch({ supported: true, on });
    } catch {
      setTorch({ supported: false, on: false });
    }
  };

  return { ...torch, reset, toggle };
}
