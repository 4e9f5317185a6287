/** Files in the browser: base64 chunks for upload and download (uploads.*), size limit, saving. */

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** "Il file pesa 23,4 MB": the same words the core uses for a file over the limit. */
export function tooBigMessage(bytes: number): string {
  const mb = (bytes / 1024 / 1024).toFixed(1).replace('.', ',');
  return `Il file pesa ${mb} MB: il limite è 20 MB. Riducilo (ad esempio scansionando a risoluzione più bassa) e riprova.`;
}

/** Saves bytes as a file through a temporary Blob URL, revoked right after. */
export function downloadBytes(bytes: Uint8Array<ArrayBuffer>, mime: string, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
