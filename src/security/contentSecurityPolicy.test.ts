import { describe, expect, it } from 'vitest';
import { CSP_DIRECTIVES, CSP_HEADER, CSP_META } from './contentSecurityPolicy.ts';

describe('the Content Security Policy', () => {
  it('forbids inline script and eval, plugins and a foreign <base>', () => {
    expect(CSP_DIRECTIVES['script-src']).toEqual(["'self'"]);
    expect(CSP_HEADER).not.toMatch(/unsafe-inline|unsafe-eval|strict-dynamic/);
    expect(CSP_HEADER).toContain("object-src 'none'");
    expect(CSP_HEADER).toContain("base-uri 'none'");
  });

  it('lets any site frame the embed, but only in the header: a <meta> tag cannot carry frame-ancestors', () => {
    expect(CSP_HEADER).toContain('frame-ancestors *');
    expect(CSP_META).not.toContain('frame-ancestors');
    expect(CSP_META).toBe(CSP_HEADER.replace('; frame-ancestors *', ''));
  });
});
