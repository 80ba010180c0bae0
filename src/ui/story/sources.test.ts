import { describe, expect, it } from 'vitest';
import { webAddress } from './sources.ts';

describe('a step’s sources', () => {
  it('link only http(s) addresses', () => {
    expect(webAddress('https://example.org/report?id=1')).toBe('https://example.org/report?id=1');
    expect(webAddress(' http://example.org/a ')).toBe('http://example.org/a');
    for (const text of ['Armenian MoD, 14 Sept 2022', 'mailto:press@example.org', 'javascript:window.__xss=1', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>1</script>', 'https://exa mple.org', '<a href="https://x.org">x</a>']) {
      expect(webAddress(text)).toBeNull();
    }
  });
});
