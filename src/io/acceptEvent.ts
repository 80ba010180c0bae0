// The last step of every importer: the same zod schema the app validates datasets with decides
// whether a mapped row becomes an event. A failure rejects the row with the field that failed.
import { eventSchema, type ConflictEvent } from '../model/schema.ts';
import { formatPath } from '../model/validate.ts';
import type { RowReport } from './report.ts';

/**
 * Validates a candidate event and keeps it when valid. Importers that build complete events
 * themselves keep their own object (`keep: 'candidate'`), whose parts they share between events;
 * raw JSON keeps zod's output, which fills in the defaults.
 */
export function acceptEvent(
  candidate: unknown,
  row: RowReport,
  into: ConflictEvent[],
  keep: 'parsed' | 'candidate' = 'parsed',
): ConflictEvent | null {
  const parsed = eventSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    row.reject(formatPath(issue.path) || 'event', issue.message);
    return null;
  }
  const event = keep === 'candidate' ? (candidate as ConflictEvent) : parsed.data;
  into.push(event);
  return event;
}
