/**
 * Takes the still at the camera's source resolution, never the on-screen size: ImageCapture.takePhoto() where the
 * browser has it (full sensor resolution), else a canvas as large as the video track's frames.
 */
export async function grabStill(video: HTMLVideoElement, track: MediaStreamTrack | undefined): Promise<Blob> {
  const Capture = (globalThis as { ImageCapture?: new (t: MediaStreamTrack) => { takePhoto(): Promise<Blob> } })
    .ImageCapture;
  if (Capture && track && track.readyState === "live") {
    try {
      const photo = await new Capture(track).takePhoto();
      if (photo.size > 0) return photo;
    } catch {
      // Some cameras (and fake devices) refuse takePhoto; the frame grab below always works.
    }
  }
  const width = video.videoWidth;
  const height = video.videoHeight;
  if (!width || !height)
    throw Object.assign(new Error("The camera has no picture yet."), { code: "camera_still_failed" });
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw Object.assign(new Error("No 2D canvas."), { code: "camera_still_failed" });
  ctx.drawImage(video, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.95));
  canvas.width = 0;
  canvas.height = 0;
  if (!blob) throw Object.assign(new Error("The frame could not be encoded."), { code: "camera_still_failed" });
  return blob;
}
