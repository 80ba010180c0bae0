// The event model, defined once as a zod schema: it validates data at runtime, gives the
// TypeScript types, and is exported as data/schema.json for people who write datasets by hand.
// First: when the build splits zod into a chunk shared with lazy parts (the map's), the policy's
// 'no eval' must be set inside that chunk, before any schema is made.
import './zodWithoutEval.ts';
import { z } from 'zod';
import { EVENT_TYPES } from './taxonomy.ts';

/**
 * How much of a time the source states. `week` means "within about three days either side of
 * `at`" (ACLED's time_precision 2); every other precision covers the calendar unit that starts at `at`.
 */
export const PRECISIONS = ['year', 'month', 'week', 'day', 'hour', 'minute'] as const;
export type Precision = (typeof PRECISIONS)[number];

/**
 * How closely a place's coordinates locate the event: at the point itself, within about 25 km,
 * somewhere in a district (second-order area), in a region (first-order area, or a border or part
 * of a country), or only in the country. The map draws anything coarser than `near` as an area.
 */
export const GEO_PRECISIONS = ['point', 'near', 'district', 'region', 'country'] as const;
export type GeoPrecision = (typeof GEO_PRECISIONS)[number];

/** Parts of a day that sources name without a clock time ("in the early hours"). Local time. */
export const DAY_PARTS = ['early-hours', 'morning', 'afternoon', 'evening', 'night'] as const;
export type DayPart = (typeof DAY_PARTS)[number];

export const ACTOR_KINDS = [
  'state-forces',
  'government',
  'ministry',
  'head-of-government',
  'official',
  'legislature',
  'political-party',
  'protesters',
  'mediator',
  'peacekeepers',
  'armed-group',
  'militia',
  'rioters',
  'external-forces',
  'data-provider',
  'international-organisation',
  'media',
  'civilians',
  'other',
] as const;

export const ROLES = [
  'initiator',
  'target',
  'mediator',
  'participant',
  'speaker',
  'audience',
  'signatory',
  'claimant',
  'subject',
  'associate',
] as const;
export type Role = (typeof ROLES)[number];

export const VERIFICATION = ['unverified', 'disputed', 'confirmed'] as const;
export type Verification = (typeof VERIFICATION)[number];

export const COUNT_KINDS = ['killed', 'wounded', 'killed-or-missing', 'missing', 'deployed', 'detained', 'participants'] as const;
export const COUNT_QUALIFIERS = ['exact', 'about', 'at-least', 'more-than'] as const;
export const RELATION_KINDS = ['broken-by', 'breaks', 'reacts-to', 'ends', 'follows', 'part-of'] as const;

const langCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language code such as "en" or "ar"');

/** What an id may be; also read without zod where each row of an ACLED file is checked (acledPacked.ts). */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
export const ID_MAX_LENGTH = 200;

const id = z.string().min(1).max(ID_MAX_LENGTH).regex(ID_PATTERN, 'letters, digits, ".", "_", ":" and "-" only');

/** Text in one or more languages, keyed by language code: { "en": "…", "ar": "…" }. */
export const localizedTextSchema = z
  .record(langCode, z.string().trim().min(1))
  .refine((t) => Object.keys(t).length > 0, 'needs the text in at least one language');

/** What an instant looks like. */
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with an explicit offset or Z, e.g. 2022-09-14T20:00:00+04:00. */
const instant = z
  .string()
  .regex(INSTANT_PATTERN, 'an ISO 8601 date-time with an offset, e.g. 2022-09-14T20:00:00+04:00')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a real date-time');

/** Zones already checked: building an Intl formatter per event would dominate validation time. */
const knownZones = new Set<string>(['UTC']);

function isTimeZone(tz: string): boolean {
  if (knownZones.has(tz)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    knownZones.add(tz);
    return true;
  } catch {
    return false;
  }
}

const timeZone = z.string().refine((tz) => {
  return isTimeZone(tz);
}, 'an IANA time zone such as "Asia/Yerevan"');

/**
 * A point in time as a source gives it. `at` is the earliest instant the statement covers, written
 * in the place's local offset; `precision` says how much of it is known; `dayPart` narrows a day
 * without claiming a clock time ("early hours" is not midnight).
 */
export const timeSchema = z.object({
  at: instant.describe('The earliest instant the statement covers, with the local offset: 2022-09-14T20:00:00+04:00'),
  precision: z.enum(PRECISIONS).describe('How much of `at` the source states: year, month, day, hour or minute'),
  tz: timeZone.describe('The IANA time zone of the place, for showing local time: Asia/Yerevan'),
  dayPart: z.enum(DAY_PARTS).optional().describe('With day precision: the part of the local day the source names'),
});

export const sourceSchema = z.object({
  publisher: z.string().trim().min(1),
  /**
   * Where the source can be read. Kept as the data gives it: the app makes a link of http(s) URLs
   * only, and shows anything else (a malformed URL, javascript:, data:) as plain text.
   */
  url: z.string().min(1).optional().describe('A link to the source; only http(s) URLs are shown as links, anything else as text'),
  title: z.string().optional(),
  /** Publication date; absent when the data does not say (ACLED names its sources without dates). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2022-09-15').optional(),
  language: langCode,
  quote: localizedTextSchema.optional(),
});

export const actorRefSchema = z.object({
  actor: id,
  role: z.enum(ROLES),
  /** The name the source used when it differs from the registry's, e.g. with ACLED's period suffix. */
  name: z.string().optional().describe('The name as the source wrote it, e.g. "Military Forces of Armenia (2018-)"'),
  /** The side of a dyadic event, where the source codes sides (ACLED actor1/actor2, UCDP side_a/side_b). */
  side: z.union([z.literal(1), z.literal(2)]).optional(),
});

export const countSchema = z.object({
  kind: z.enum(COUNT_KINDS),
  value: z.number().int().nonnegative(),
  qualifier: z.enum(COUNT_QUALIFIERS).default('exact'),
  /** A range around the value where the claimant gives one (UCDP's low and high estimates). */
  low: z.number().int().nonnegative().optional(),
  high: z.number().int().nonnegative().optional(),
  /** Whose losses or people these are (an actor id), when the source says. */
  of: id.optional(),
  /** Who claims the number. A later claim never replaces an earlier one; both are kept. */
  claimant: id.describe('The actor id of whoever claims the number'),
  /** When the claim was made (local date of the claim). */
  claimedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Index into the event's `sources`. */
  source: z.number().int().nonnegative().optional(),
});

export const claimSchema = z.object({
  claimant: id,
  text: localizedTextSchema,
  status: z.enum(VERIFICATION).describe('unverified, disputed or confirmed'),
  disputedBy: z.array(id).optional(),
  source: z.number().int().nonnegative().optional(),
});

export const relationSchema = z.object({ kind: z.enum(RELATION_KINDS), event: id });

export const placeSchema = z.object({
  name: localizedTextSchema,
  /** ISO 3166-1 alpha-3 country code. */
  country: z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code such as ARM'),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  /** How closely lat and lon locate the event; absent when the source does not say. */
  precision: z.enum(GEO_PRECISIONS).optional(),
  /** Administrative areas that contain the place, largest first (ACLED admin1–admin3, UCDP adm_1–adm_2). */
  admin: z.array(z.string().min(1)).optional(),
});

export const eventSchema = z.object({
  id,
  type: z.enum(EVENT_TYPES),
  title: localizedTextSchema,
  description: localizedTextSchema.optional(),
  /** The language the title and description were first written in. */
  originalLanguage: langCode.describe('The language the title and description were first written in'),
  start: timeSchema,
  end: timeSchema.optional(),
  actors: z.array(actorRefSchema).default([]),
  place: placeSchema.optional(),
  counts: z.array(countSchema).default([]),
  claims: z.array(claimSchema).default([]),
  sources: z.array(sourceSchema).min(1, 'every event needs at least one source'),
  relations: z.array(relationSchema).default([]),
  tags: z.array(z.string()).default([]),
});

export const actorSchema = z.object({
  id,
  names: localizedTextSchema,
  aliases: z.array(z.string().trim().min(1)).default([]),
  kind: z.enum(ACTOR_KINDS),
  country: z.string().regex(/^[A-Z]{3}$/).optional(),
  /** The body this actor belongs to (a ministry's government), for grouping. */
  parent: id.optional(),
});

export const datasetSchema = z.object({
  $schema: z.string().optional(),
  title: z.string().min(1),
  description: z.string().optional(),
  /** Who the data comes from, shown as "Source: …" in the app and exports. */
  attribution: z.string().min(1),
  license: z.string().optional(),
  actors: z.array(actorSchema),
  events: z.array(eventSchema),
});

export type TimeValue = z.infer<typeof timeSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type ActorRef = z.infer<typeof actorRefSchema>;
export type Count = z.infer<typeof countSchema>;
export type Claim = z.infer<typeof claimSchema>;
export type Place = z.infer<typeof placeSchema>;
export type ConflictEvent = z.infer<typeof eventSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type Dataset = z.infer<typeof datasetSchema>;
/** A dataset's own fields, without its events. */
export type DatasetInfo = Omit<Dataset, 'events'>;
export type LocalizedText = z.infer<typeof localizedTextSchema>;
