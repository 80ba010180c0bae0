// The data server's answers checked before they reach the store: they are untrusted text, as a
// file is (zod, as the importers use; the texts stay texts).
// First: when the build splits zod into a chunk shared with lazy parts (the map's), the policy's
// 'no eval' must be set inside that chunk, before any schema is made.
import '../model/zodWithoutEval.ts';
import { z } from 'zod';
import { datasetSchema, type ConflictEvent, type DatasetInfo } from '../model/schema.ts';
import type { RemoteCounts, RemoteInfo, RemoteLaneBins, RemotePlaces } from '../store/remoteView.ts';

const window = z.object({ from: z.number(), to: z.number() });
const countMap = z.record(z.string(), z.number().int().nonnegative());

const infoSchema = z.object({
  count: z.number().int().nonnegative(),
  extent: window.nullable(),
  dataset: datasetSchema.omit({ events: true }),
});
const binsSchema = z.object({ lanes: z.array(z.object({ key: z.string(), counts: z.array(z.number().int().nonnegative()) })) });
const countsSchema = z.object({ visible: z.number().int().nonnegative(), types: countMap, actors: countMap });
const placesSchema = z.object({
  countries: countMap,
  places: z.array(z.object({ country: z.string(), name: z.string(), count: z.number().int().nonnegative() })),
});
const eventsSchema = z.object({ total: z.number().int().nonnegative(), events: datasetSchema.shape.events });
const eventSchema = z.object({ event: datasetSchema.shape.events.element });

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

function check<T>(schema: z.ZodType<T>, body: unknown): Checked<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, problem: `${issue?.path.join('.') || 'answer'}: ${issue?.message ?? 'not what the API answers'}` };
}

export const readInfo = (body: unknown): Checked<RemoteInfo & { dataset: DatasetInfo }> => check(infoSchema, body);
export const readBins = (body: unknown): Checked<RemoteLaneBins[]> => {
  const checked = check(binsSchema, body);
  return checked.ok ? { ok: true, value: checked.value.lanes } : checked;
};
export const readCounts = (body: unknown): Checked<RemoteCounts> => check(countsSchema, body);
export const readPlaces = (body: unknown): Checked<Omit<RemotePlaces, 'key'>> => check(placesSchema, body);
export const readEvents = (body: unknown): Checked<{ total: number; events: ConflictEvent[] }> => check(eventsSchema, body);
export const readEvent = (body: unknown): Checked<ConflictEvent> => {
  const checked = check(eventSchema, body);
  return checked.ok ? { ok: true, value: checked.value.event } : checked;
};
