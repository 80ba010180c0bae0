// The event types, their legend colours and shapes, and how ACLED and UCDP codes map onto them.
// Colours are the Okabe–Ito palette (safe for the common colour-vision deficiencies); shape tells
// the types apart too, so colour is never the only cue.

export const EVENT_TYPES = [
  'clash',
  'remote-violence',
  'violence-against-civilians',
  'protest',
  'riot',
  'ceasefire',
  'agreement',
  'statement',
  'diplomacy',
  'casualty-report',
  'other',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export type MarkShape = 'circle' | 'square' | 'diamond' | 'triangle' | 'triangle-down' | 'cross' | 'star' | 'hexagon';

export interface EventTypeInfo {
  id: EventType;
  label: { en: string; ar: string };
  colour: string;
  shape: MarkShape;
  /** ACLED `event_type / sub_event_type` pairs that map to this type ("*" = any sub-event type). */
  acled: readonly string[];
}

export const EVENT_TYPE_INFO: Record<EventType, EventTypeInfo> = {
  clash: {
    id: 'clash',
    label: { en: 'Clash', ar: 'اشتباك' },
    // Okabe–Ito vermillion (#D55E00), a shade darker so that a cluster's white count reads at 4.5:1.
    colour: '#C45500',
    shape: 'circle',
    acled: ['Battles / *'],
  },
  'remote-violence': {
    id: 'remote-violence',
    label: { en: 'Shelling & strikes', ar: 'قصف وضربات' },
    colour: '#CC79A7',
    shape: 'triangle-down',
    acled: ['Explosions/Remote violence / *'],
  },
  'violence-against-civilians': {
    id: 'violence-against-civilians',
    label: { en: 'Violence against civilians', ar: 'عنف ضد المدنيين' },
    colour: '#882255',
    shape: 'cross',
    acled: ['Violence against civilians / *'],
  },
  protest: {
    id: 'protest',
    label: { en: 'Protest', ar: 'احتجاج' },
    colour: '#E69F00',
    shape: 'triangle',
    acled: ['Protests / *'],
  },
  riot: {
    id: 'riot',
    label: { en: 'Riot', ar: 'أعمال شغب' },
    colour: '#8C6D00',
    shape: 'triangle',
    acled: ['Riots / *'],
  },
  ceasefire: {
    id: 'ceasefire',
    label: { en: 'Ceasefire', ar: 'وقف إطلاق النار' },
    colour: '#009E73',
    shape: 'square',
    acled: ['Strategic developments / Agreement (ceasefire)'],
  },
  agreement: {
    id: 'agreement',
    label: { en: 'Agreement', ar: 'اتفاق' },
    colour: '#117733',
    shape: 'square',
    acled: ['Strategic developments / Agreement (other than a ceasefire)'],
  },
  statement: {
    id: 'statement',
    label: { en: 'Statement', ar: 'تصريح' },
    colour: '#0072B2',
    shape: 'diamond',
    acled: ['Strategic developments / Other (speeches, declarations)'],
  },
  diplomacy: {
    id: 'diplomacy',
    label: { en: 'Diplomacy', ar: 'دبلوماسية' },
    colour: '#56B4E9',
    shape: 'diamond',
    acled: [
      'Strategic developments / Other (requests for help, missions, talks)',
      'Strategic developments / Headquarters or base established (peacekeepers)',
    ],
  },
  'casualty-report': {
    id: 'casualty-report',
    label: { en: 'Casualty report', ar: 'حصيلة ضحايا' },
    colour: '#444444',
    shape: 'star',
    acled: ['(no ACLED event; ACLED keeps fatalities as a column of the event they belong to)'],
  },
  other: {
    id: 'other',
    label: { en: 'Other development', ar: 'تطور آخر' },
    colour: '#757575',
    shape: 'hexagon',
    acled: [
      'Strategic developments / Arrests',
      'Strategic developments / Change to group/activity',
      'Strategic developments / Disrupted weapons use',
      'Strategic developments / Looting/property destruction',
      'Strategic developments / Non-violent transfer of territory',
      'Strategic developments / Other',
    ],
  },
};

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}

const ACLED_EVENT_TYPES: Record<string, EventType> = {
  battles: 'clash',
  'explosions/remote violence': 'remote-violence',
  'violence against civilians': 'violence-against-civilians',
  protests: 'protest',
  riots: 'riot',
};

/**
 * ACLED's sub-event types (its codebook), each under one event type: a table of one's own that kept
 * only the sub-event type names its events by them. "Agreement" is our label already.
 */
const ACLED_SUB_EVENT_TYPES: Record<string, EventType> = {
  'armed clash': 'clash',
  'government regains territory': 'clash',
  'non-state actor overtakes territory': 'clash',
  'chemical weapon': 'remote-violence',
  'air/drone strike': 'remote-violence',
  'suicide bomb': 'remote-violence',
  'shelling/artillery/missile attack': 'remote-violence',
  'remote explosive/landmine/ied': 'remote-violence',
  grenade: 'remote-violence',
  'sexual violence': 'violence-against-civilians',
  // Not "Attack": in a table of one's own the word names any attack, not only one on civilians.
  'abduction/forced disappearance': 'violence-against-civilians',
  'peaceful protest': 'protest',
  'protest with intervention': 'protest',
  'excessive force against protesters': 'protest',
  'violent demonstration': 'riot',
  'mob violence': 'riot',
  arrests: 'other',
  'change to group/activity': 'other',
  'disrupted weapons use': 'other',
  'headquarters or base established': 'other',
  'looting/property destruction': 'other',
  'non-violent transfer of territory': 'other',
};

/** Our type for an ACLED sub-event type alone (Armed clash, Peaceful protest…); null for any other text. */
export function typeFromAcledSubEventType(text: string): EventType | null {
  return ACLED_SUB_EVENT_TYPES[text.trim().toLowerCase()] ?? null;
}

/** Words in an ACLED Agreement's notes that make it a ceasefire rather than another agreement. */
export const CEASEFIRE_WORDS = /\b(cease-?fire|truce|armistice|cessation of hostilities)\b/i;

/**
 * Our type for an ACLED event_type / sub_event_type pair; null when the event type is not ACLED's.
 * Strategic developments / Agreement is a ceasefire when its notes say so, else an agreement.
 */
export function typeFromAcled(eventType: string, subEventType: string, notes: string): EventType | null {
  const main = eventType.trim().toLowerCase();
  const direct = ACLED_EVENT_TYPES[main];
  if (direct) return direct;
  if (main !== 'strategic developments') return null;
  if (subEventType.trim().toLowerCase() === 'agreement') return CEASEFIRE_WORDS.test(notes) ? 'ceasefire' : 'agreement';
  return 'other';
}

/** UCDP GED type_of_violence: 1 state-based and 2 non-state conflict are clashes; 3 one-sided violence is violence against civilians. */
export const UCDP_VIOLENCE_TYPES: Record<string, EventType> = {
  '1': 'clash',
  '2': 'clash',
  '3': 'violence-against-civilians',
};
