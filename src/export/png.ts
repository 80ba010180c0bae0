// Rasterises an exported SVG to PNG. An SVG drawn as an image cannot reach the page's fonts, so the
// bundled Noto fonts are embedded in the copy that is rasterised (not in the SVG file itself).
import notoLatin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import notoLatin600 from '@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff2?url';
import notoArabic400 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?url';
import notoArabic600 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-600-normal.woff2?url';

const FONTS = [
  { family: 'Noto Sans', weight: 400, url: notoLatin400 },
  { family: 'Noto Sans', weight: 600, url: notoLatin600 },
  { family: 'Noto Sans Arabic', weight: 400, url: notoArabic400 },
  { family: 'Noto Sans Arabic', weight: 600, url: notoArabic600 },
];

let fontFaces: Promise<string> | null = null;

async function dataUrl(url: string): Promise<string> {
  const blob = await (await fetch(url)).blob();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

function embeddedFontFaces(): Promise<string> {
  fontFaces ??= Promise.all(
    FONTS.map(async (f) => `@font-face{font-family:'${f.family}';font-weight:${f.weight};src:url(${await dataUrl(f.url)}) format('woff2')}`),
  ).then((rules) => rules.join(''));
  return fontFaces;
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('the image could not be drawn'));
    img.src = src;
  });
}

/** The SVG document as a PNG `scale` times its size. */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const withFonts = svg.replace('<defs>', `<defs><style>${await embeddedFontFaces()}</style>`);
  const url = URL.createObjectURL(new Blob([withFonts], { type: 'image/svg+xml' }));
  try {
    const img = await loadImage(url);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw on a canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be written'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
