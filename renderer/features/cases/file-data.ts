/** Files in the browser: read as base64 (with progress) for upload, and back to bytes for preview. */

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export function readAsBase64(file: File, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    reader.onerror = () => reject(new Error('lettura'));
    reader.onabort = () => reject(new Error('lettura'));
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      const comma = url.indexOf(',');
      resolve(comma >= 0 ? url.slice(comma + 1) : '');
    };
    reader.readAsDataURL(file);
  });
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
