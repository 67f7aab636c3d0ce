/**
 * A file's bytes as slices read one at a time, so memory holds one slice, never the file. Each
 * read is a real wait (the browser reads the disk), which is also when the main thread, when the
 * check runs there, gets to paint and handle input.
 */
export async function* fileChunks(file: Blob, sliceBytes: number): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < file.size; start += sliceBytes) {
    const slice = file.slice(start, Math.min(file.size, start + sliceBytes));
    yield new Uint8Array(await slice.arrayBuffer());
  }
}
