import { useId } from "react";
import type { CaptureStrings } from "../../i18n/strings/capture";
import type { CameraInfo } from "./camera-scoring";

/** The list of cameras, by label (or "Camera n" before permission gives labels). */
export function CameraPicker({
  t,
  cameras,
  value,
  onChoose,
}: {
  t: CaptureStrings;
  cameras: CameraInfo[];
  value: string;
  onChoose: (deviceId: string) => void;
}) {
  const pickerId = useId();
  return (
    <div className="picker">
      <label htmlFor={pickerId}>{t.camera}</label>
      <select id={pickerId} value={value} onChange={(e) => onChoose(e.target.value)}>
        {cameras.map((c, i) => (
          <option key={c.deviceId || i} value={c.deviceId}>
            {c.label || `${t.camera} ${i + 1}`}
          </option>
        ))}
      </select>
    </div>
  );
}
