import { useEffect, useState } from "react";
import { qrPath } from "./qr-path";

/**
 * A QR code of `text`, drawn here as SVG (no image service: the link holds a secret). The encoder loads only when a
 * code is shown.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const [drawn, setDrawn] = useState<{ path: string; size: number } | null>(null);
  useEffect(() => {
    let live = true;
    void import("qrcode").then(({ create }) => {
      if (live) setDrawn(qrPath(create(text, { errorCorrectionLevel: "M" }).modules));
    });
    return () => {
      live = false;
    };
  }, [text]);
  if (!drawn) return null;
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${drawn.size} ${drawn.size}`}
      shapeRendering="crispEdges"
    >
      <rect width={drawn.size} height={drawn.size} fill="#ffffff" />
      <path d={drawn.path} fill="#000000" />
    </svg>
  );
}
