/** PDF bytes that came over the API as base64, turned into something the browser can show or save. */

function blobOf(pdfBase64: string): Blob {
  const binary = atob(pdfBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: 'application/pdf' });
}

/** Opens the PDF in a new tab, where the browser's viewer prints it. False when a pop-up blocker refused. */
export function openPdfForPrinting(pdfBase64: string): boolean {
  const url = URL.createObjectURL(blobOf(pdfBase64));
  const opened = window.open(url, '_blank');
  // The tab keeps its own reference; ours can go once it has loaded.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return opened !== null;
}

/** Downloads the PDF under its file name. */
export function savePdf(pdfBase64: string, fileName: string): void {
  const url = URL.createObjectURL(blobOf(pdfBase64));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a chosen file as base64 (without the data: prefix). */
export function readFileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
