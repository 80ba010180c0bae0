import { describe, expect, it } from 'vitest';
import { packJson, unpackJson } from './packedJson.ts';

describe('packed JSON blocks', () => {
  it('round-trips text in any script, in characters that cannot close a script block', () => {
    const json = JSON.stringify({ events: Array.from({ length: 3000 }, (_, i) => ({ id: `e${i}`, title: { ar: 'اشتباكات قرب غوريس', en: '</script><script>alert(1)</script>' } })) });
    const packed = packJson(json);
    expect(packed).toMatch(/^[A-Za-z0-9+/=]+$/);
    expect(packed.length).toBeLessThan(json.length / 10);
    expect(unpackJson(packed)).toBe(json);
  });

  it('names what is wrong with a damaged block', () => {
    expect(() => unpackJson('not base64 !')).toThrow('it is not base64');
    expect(() => unpackJson(btoa('plain text'))).toThrow('it does not decompress');
  });
});
