/** Pulls one file field out of a multipart/form-data body as sent by the browser. */
export function multipartFile(body: Buffer, contentType: string, field: string): Buffer {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const token = boundary?.[1] ?? boundary?.[2];
  if (!token) throw new Error(`no boundary in ${contentType}`);
  const delimiter = Buffer.from(`--${token}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    const headerEnd = part.indexOf("\r\n\r\n");
    const headers = part.subarray(0, headerEnd).toString("latin1");
    if (new RegExp(`name="${field}"`).test(headers)) return part.subarray(headerEnd + 4);
    start = next;
  }
  throw new Error(`field ${field} not found in multipart body`);
}
