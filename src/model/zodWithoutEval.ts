// The app runs under a Content Security Policy without 'unsafe-eval'. zod compiles fast parsers
// with `new Function` when it may, and probing for that already reports a policy violation; in
// jitless mode it never tries. Import this before anything parses.
import { z } from 'zod';

z.config({ jitless: true });
