// Long texts in a URL: deflate-raw (the browser's CompressionStream) written as base64url. The
// cite view keeps a quote of more than a few hundred characters in `z=` instead of `text=`, so
// a reload or a shared link stays well under the server's 8 KB limit on a request line.

/** `text` compressed and base64url-encoded; throws where the browser cannot compress. */
export async function pack(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The text of pack(); '' when `z` is not one (a link cut short, edited by hand). */
export async function unpack(z) {
  try {
    const binary = atob(z.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return await new Response(stream).text();
  } catch {
    return '';
  }
}
