import mammoth from "mammoth";

/**
 * A Word document as HTML, through mammoth: paragraphs, headings and tables with their merged cells
 * (gridSpan → colspan, vMerge → rowspan). Images are dropped (never read, never embedded) and
 * external files are never fetched: the importer stays offline.
 */
export async function docxToHtml(bytes: Uint8Array): Promise<{ html: string; warnings: number }> {
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  // Node's mammoth reads `buffer`, the browser build `arrayBuffer`: give both.
  const input = { buffer: bytes, arrayBuffer } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
  const result = await mammoth.convertToHtml(input, {
    externalFileAccess: false,
    convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })),
    ignoreEmptyParagraphs: true,
  });
  return { html: result.value, warnings: result.messages.length };
}
