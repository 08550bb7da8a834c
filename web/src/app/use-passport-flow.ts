import type { CustomerSession, PassportReadResponse } from "contract/session";
import { useCallback, useRef, useState } from "react";
import { type PreparedImage, prepareImage } from "../features/prepare/prepare-image";
import { useRecognizePassport } from "../features/send/recognize-passport";

export type FlowStep =
  | { name: "start" }
  | { name: "camera" }
  | { name: "upload" }
  | { name: "preview"; still: Blob }
  | { name: "working"; stage: "convert" | "compress" | "upload" | "read"; percent: number; prepared?: PreparedImage }
  | { name: "review"; result: PassportReadResponse; image: Blob; prepared: PreparedImage }
  | { name: "error"; error: unknown; prepared?: PreparedImage; from: "camera" | "upload" }
  /** A verification session's end: submitted (or found submitted on opening the link). */
  | { name: "finished"; session: CustomerSession };

const isAbort = (error: unknown) => (error as { name?: unknown } | null)?.name === "AbortError";

/**
 * The whole flow as one state machine: capture or upload -> prepare (convert, orient, strip, compress) -> send ->
 * review. Cancel aborts whichever stage runs; retry resends the prepared image without preparing it again. With a
 * verification link's token every read is charged to and stored on that session.
 */
export function usePassportFlow(initial: "start" | "camera" = "start", sessionToken?: string) {
  const [step, setStep] = useState<FlowStep>({ name: initial } as FlowStep);
  const controller = useRef<AbortController | null>(null);
  const from = useRef<"camera" | "upload">("camera");
  /** The last image that finished preparing, so "try again" can resend it. */
  const lastPrepared = useRef<PreparedImage | undefined>(undefined);
  // mutateAsync and reset are stable across renders; the mutation object itself is not.
  const { mutateAsync, reset, failureCount } = useRecognizePassport();

  const send = useCallback(
    async (prepared: PreparedImage, signal: AbortSignal) => {
      setStep({ name: "working", stage: "upload", percent: 0, prepared });
      const result = await mutateAsync({
        image: prepared.blob,
        // The review shows the identity photo (customer: "Is this you?"; desk: beside the fields).
        portrait: true,
        sessionToken,
        signal,
        onUploadProgress: (percent) =>
          setStep(
            percent >= 100
              ? { name: "working", stage: "read", percent: 100, prepared }
              : { name: "working", stage: "upload", percent, prepared },
          ),
      });
      setStep({ name: "review", result, image: prepared.blob, prepared });
    },
    [mutateAsync, sessionToken],
  );

  const run = useCallback(async (work: (signal: AbortSignal) => Promise<void>) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    try {
      await work(abort.signal);
    } catch (error) {
      if (abort.signal.aborted || isAbort(error)) return;
      setStep({ name: "error", error, prepared: lastPrepared.current, from: from.current });
    }
  }, []);

  /** Prepares and sends a still from the camera or a file from upload. */
  const submit = useCallback(
    (image: Blob, source: "camera" | "upload") => {
      from.current = source;
      lastPrepared.current = undefined;
      setStep({ name: "working", stage: "compress", percent: 0 });
      void run(async (signal) => {
        const prepared = await prepareImage(image, {
          signal,
          onProgress: (stage, percent) => setStep({ name: "working", stage, percent }),
        });
        if (signal.aborted) return;
        lastPrepared.current = prepared;
        await send(prepared, signal);
      });
    },
    [run, send],
  );

  const retrySend = useCallback(
    (prepared: PreparedImage) => {
      lastPrepared.current = prepared;
      void run((signal) => send(prepared, signal));
    },
    [run, send],
  );

  const cancel = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    reset();
    setStep(from.current === "upload" ? { name: "upload" } : { name: "camera" });
  }, [reset]);

  const go = useCallback((next: FlowStep) => {
    controller.current?.abort();
    controller.current = null;
    setStep(next);
  }, []);

  return { step, submit, retrySend, cancel, go, failureCount };
}

/** The flow's state and actions, as the screens use them. */
export type PassportFlow = ReturnType<typeof usePassportFlow>;
