import type { PassportResult } from "contract/result";
import type { PassportProvider, RecognizeInput } from "./provider";

/**
 * A provider for tests of the HTTP layer: records what it was handed and answers the ICAO TD3 specimen's fields.
 * Provider behaviour itself is tested against the real providers (tencent/, local/).
 */
export function recordingProvider(answer: () => Partial<PassportResult> = () => ({})) {
  const calls: RecognizeInput[] = [];
  const provider: PassportProvider = {
    name: "local",
    async recognize(input) {
      calls.push(input);
      const result: PassportResult = {
        provider: "local",
        requestId: input.requestId,
        upstreamRequestId: null,
        document: {
          type: "P",
          number: "L898902C3",
          surname: "ERIKSSON",
          givenNames: "ANNA MARIA",
          fullName: "ANNA MARIA ERIKSSON",
          nationality: "UTO",
          issuingCountry: "UTO",
          birthDate: "1974-08-12",
          expiryDate: "2012-04-15",
          sex: "F",
        },
        visualZone: null,
        confidence: {},
        mrz: null,
        mrzBand: null,
        image: null,
        warnings: [],
        portrait: null,
        ...answer(),
      };
      return result;
    },
    health: async () => ({ provider: "local", ready: true }),
  };
  return { provider, calls };
}
