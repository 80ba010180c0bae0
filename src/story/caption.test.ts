import { describe, expect, it } from 'vitest';
import { captionText, parseCaption } from './caption.ts';
import { safeHref } from './safeHref.ts';
import { ALL_HOSTILE_TEXT } from '../testing/hostileText.ts';

describe('parseCaption', () => {
  it('reads paragraphs, bold, italic and links', () => {
    expect(parseCaption('Shelling near **Goris** and *Jermuk*.\n\nSee [the report](https://example.org/r).')).toEqual([
      [{ kind: 'text', text: 'Shelling near ' }, { kind: 'strong', children: [{ kind: 'text', text: 'Goris' }] }, { kind: 'text', text: ' and ' }, { kind: 'em', children: [{ kind: 'text', text: 'Jermuk' }] }, { kind: 'text', text: '.' }],
      [{ kind: 'text', text: 'See ' }, { kind: 'link', href: 'https://example.org/r', children: [{ kind: 'text', text: 'the report' }] }, { kind: 'text', text: '.' }],
    ]);
  });

  it('keeps HTML as the text it was typed as', () => {
    expect(captionText('<script>alert(1)</script> and <img src=x onerror=alert(1)>')).toBe('<script>alert(1)</script> and <img src=x onerror=alert(1)>');
  });

  it('drops the address of a link that is not http(s) or mailto, and keeps its words', () => {
    expect(parseCaption('[click](javascript:alert(1)) [data](data:text/html,<b>x</b>)')).toEqual([[{ kind: 'text', text: expect.stringContaining('click') }]]);
    expect(JSON.stringify(parseCaption('[click](javascript:alert(1))'))).not.toContain('"link"');
  });

  it('keeps Arabic text as it is', () => {
    expect(captionText('اشتباكات **عنيفة** قرب غوريس')).toBe('اشتباكات عنيفة قرب غوريس');
  });

  it('never yields a link that is not http(s) or mailto, for any hostile text', () => {
    for (const text of ALL_HOSTILE_TEXT) {
      const walk = (pieces: ReturnType<typeof parseCaption>[number]): void => {
        for (const piece of pieces) {
          if (piece.kind === 'link') expect(piece.href).toMatch(/^(https?:\/\/|mailto:)/i);
          if ('children' in piece) walk(piece.children);
        }
      };
      parseCaption(text).forEach(walk);
      parseCaption(`[x](${text})`).forEach(walk);
    }
  });
});

describe('safeHref', () => {
  it('allows http, https and mailto only', () => {
    expect(safeHref('https://acleddata.com')).toBe('https://acleddata.com');
    expect(safeHref('mailto:desk@example.org')).toBe('mailto:desk@example.org');
    expect(safeHref('JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHref('vbscript:x')).toBeNull();
    expect(safeHref('//evil.example')).toBeNull();
    expect(safeHref('https://a b')).toBeNull();
  });
});
