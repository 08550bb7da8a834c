/**
 * Whether the browser itself offers getUserMedia, read when this module first loads. react-webcam installs a
 * polyfill on import (a getUserMedia that only rejects), so asking later would always say yes. The camera screen,
 * and with it react-webcam, is loaded lazily, after this module (see app/step-screen.tsx).
 */
export const nativeGetUserMedia: boolean =
  typeof navigator !== "undefined" && typeof navigator.mediaDevices?.getUserMedia === "function";
