import { create } from 'qrcode';

/**
 * Draws a QR code as vector squares (one rectangle per horizontal run of dark modules): sharp at
 * any printer resolution, no image to decode, and the same bytes every time.
 */
export function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, side: number): void {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const count = modules.size;
  // Four modules of quiet zone on every side, as scanners expect.
  const cell = side / (count + 8);
  const origin = { x: x + 4 * cell, y: y + 4 * cell };
  doc.save();
  doc.rect(x, y, side, side).fill('#ffffff');
  for (let row = 0; row < count; row++) {
    let col = 0;
    while (col < count) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && modules.get(row, col)) col++;
      doc.rect(origin.x + start * cell, origin.y + row * cell, (col - start) * cell, cell);
    }
  }
  doc.fill('#000000');
  doc.restore();
}
