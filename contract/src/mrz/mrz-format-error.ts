/** The lines handed in are not an MRZ of any known format; the message says what was expected. */
export class MrzFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MrzFormatError";
  }
}
