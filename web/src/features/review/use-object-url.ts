import { useEffect, useState } from "react";

/** A blob: URL for the Blob while the component is mounted; revoked when the Blob changes or on unmount. */
export function useObjectUrl(blob: Blob): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const next = URL.createObjectURL(blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [blob]);
  return url;
}
