/** The zone's logo inside a Word document: the image part and the inline drawing that shows it. */
export interface DocxImage {
  bytes: Buffer;
  ext: 'png' | 'jpeg';
  mime: 'image/png' | 'image/jpeg';
  relId: string;
  /** Drawn size in EMU (1 mm = 36 000). */
  cx: number;
  cy: number;
}

const EMU_PER_MM = 36_000;
/** Like the PDF's letterhead: at most 18 mm high and 70 mm wide, proportions kept. */
const MAX_HEIGHT_MM = 18;
const MAX_WIDTH_MM = 70;

/** Pixel size from the PNG header or the JPEG's start-of-frame; null when unreadable. */
export function imageSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47) return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    let at = 2;
    while (at + 9 < bytes.length) {
      if (bytes[at] !== 0xff) return null;
      const marker = bytes[at + 1] as number;
      const length = bytes.readUInt16BE(at + 2);
      // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame's size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
      }
      at += 2 + length;
    }
  }
  return null;
}

/** A `data:image/…;base64,` URL as an image part; null for anything else. */
export function imagePart(dataUrl: string): DocxImage | null {
  const m = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl);
  if (!m) return null;
  const ext = m[1] as 'png' | 'jpeg';
  const bytes = Buffer.from(m[2] as string, 'base64');
  const size = imageSize(bytes);
  if (!size || size.width === 0 || size.height === 0) return null;
  const scale = Math.min(MAX_HEIGHT_MM / size.height, MAX_WIDTH_MM / size.width);
  return { bytes, ext, mime: `image/${ext}`, relId: 'rIdLogo', cx: Math.round(size.width * scale * EMU_PER_MM), cy: Math.round(size.height * scale * EMU_PER_MM) };
}

export function logoXml(img: DocxImage): string {
  return `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${img.cx}" cy="${img.cy}"/><wp:docPr id="1" name="Logo"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="logo.${img.ext}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="${img.relId}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${img.cx}" cy="${img.cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
}
