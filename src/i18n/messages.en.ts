// The UI's words in English. This object defines the key set: messages.ar.ts must give every key
// (a missing Arabic string is a type error). Numbers and dates arrive already formatted with Intl.
import type { MappedField } from '../io/columnMapping.ts';
import type { ImportFormat } from '../io/formats.ts';
import type { DataLinkProblem } from '../io/dataLinkProblem.ts';
import type { COUNT_KINDS, COUNT_QUALIFIERS, DayPart, GeoPrecision, Precision, RELATION_KINDS, Role } from '../model/schema.ts';

type CountKind = (typeof COUNT_KINDS)[number];
type Qualifier = (typeof COUNT_QUALIFIERS)[number];
type RelationKind = (typeof RELATION_KINDS)[number];

export const en = {
  product: 'Conflict Timeline',
  noData: 'No data loaded',
  source: (attribution: string) => `Source: ${attribution}`,
  switchLanguage: 'العربية',
  switchLanguageLabel: 'Show the page in Arabic',
  switchLanguageLang: 'ar',
  // Not "Timeline…": only the timeline's own label starts so (a public selector, see README).
  landmarkMain: 'Event explorer',
  toolbar: 'View',
  skipToTimeline: 'Skip to the timeline',

  // Status line and timeline
  showing: (shown: string, total: string, totalCount: number) => `Showing ${shown} of ${total} event${totalCount === 1 ? '' : 's'}`,
  timelineLabel: (window: string) => `Timeline of events, ${window}. Arrow keys move between events; press ? for keyboard shortcuts.`,
  windowRange: (from: string, to: string) => `${from} to ${to}`,
  windowRangeUtc: (from: string, to: string) => `${from} to ${to} UTC`,
  wheelHint: 'Hold Ctrl (⌘ on a Mac) and scroll to zoom, or use + and −',
  zoomGroup: 'Zoom',
  zoomIn: 'Zoom in',
  zoomInTitle: 'Zoom in (+)',
  zoomOut: 'Zoom out',
  zoomOutTitle: 'Zoom out (−)',
  showAll: 'Show all',
  lanesBy: 'Lanes by',
  lanesType: 'Event type',
  lanesActor: 'Actor',
  otherActors: 'Other actors',
  // Lanes by place: first administrative area ("Syunik, ARM"), else the country
  lanesPlace: 'Place',
  otherPlaces: 'Other places',
  noPlace: 'No place',
  clusterLabel: (count: string) => `${count} events`,
  densityCaption: (count: string) => `${count} events here · zoom in to see each`,
  overviewLabel: 'Overview of all events; drag the highlighted window to move the timeline',

  // Keyboard focus, announced through the aria-live region
  announceEvent: (date: string, type: string, title: string, lane: string) => `${date}, ${type}: ${title}. Lane ${lane}.`,
  announceOriginal: (language: string) => ` (in the original ${language})`,
  announceNoEvents: 'No events pass the filters.',
  announceOutside: 'Moved the timeline to show it.',
  keyboardHelp: 'Keyboard shortcuts',
  keyboardHelpButton: 'Keyboard shortcuts (?)',
  keyboardHelpIntro: 'Click the timeline or move to it with Tab; then:',
  close: 'Close',
  keys: [
    [['←', '→'], 'Previous or next event in time, in the same lane'],
    [['↑', '↓'], 'The lane above or below, at the nearest event in time'],
    [['Enter'], 'Open the details of the focused event'],
    [['+', '−'], 'Zoom in or out around the focused event'],
    [['Shift+←', 'Shift+→', 'Page Up', 'Page Down'], 'Move the window earlier or later'],
    [['Home', 'End'], 'The first or last event of the data'],
    [['Escape'], 'Close the details or this dialog'],
    [['?'], 'Show this list'],
    [['←', '↑', '→', '↓', '+', '−'], 'On the map, while it has the focus: pan, or zoom in and out'],
  ] as [string[], string][],
  keysTableKey: 'Key',
  keysTableAction: 'What it does',
  keyboardNote: 'Time runs from left to right in both languages. The Events table below lists the same events as the timeline.',

  // Tooltip
  tooltipEvents: (n: string) => `${n} events — click to zoom in`,
  tooltipMore: (n: string) => `and ${n} more`,
  tooltipDensity: (n: string, count: number, lane: string) => `${n} event${count === 1 ? '' : 's'} · ${lane}`,
  tooltipDensityClick: 'Click to zoom in here',

  // Legend
  legend: 'Legend',
  legendCluster: 'Several events (click to zoom)',
  legendSpan: 'Span of a date known only to the day, month or year (on hover)',
  // Where nothing hovers (a touch screen): the same two lines, as a finger works them.
  legendClusterTouch: 'Several events (tap to zoom)',
  legendSpanTouch: 'Span of a date known only to the day, month or year (when selected)',
  legendClusterExport: 'Several events (the number says how many)',

  // Events table
  eventsHeading: 'Events',
  colDate: 'Date',
  colType: 'Type',
  colTitle: 'Title',
  colActors: 'Actors',
  noEventsInWindow: 'No events in this window. Zoom out or clear the filters.',
  originalMarker: (language: string) => `original, ${language}`,
  originalLabelMarker: (language: string) => `[${language.toUpperCase()}]`,

  // Details
  details: 'Event details',
  closeDetails: 'Close details',
  originalIn: (language: string) => `Original (${language}): `,
  shownInOriginal: (language: string) => `Shown in the original ${language}; no translation in the data.`,
  when: 'When',
  from: 'From',
  until: 'Until',
  localTime: (zone: string) => `local time (${zone})`,
  precision: (p: string) => `Precision: ${p}`,
  dayPartOnly: ' (part of the day only)',
  place: 'Place',
  actors: 'Actors',
  side: (n: number) => ` side ${n}`,
  as: (name: string) => `as “${name}”`,
  counts: 'Counts',
  number: 'Number',
  claimedBy: 'Claimed by',
  on: 'On',
  range: (low: string, high: string) => `(range ${low}–${high})`,
  claims: 'Claims',
  disputedBy: (names: string) => ` Disputed by ${names}.`,
  sources: 'Sources',
  notAWebLink: (url: string) => `Not a web link: ${url}`,
  related: 'Related events',
  languageNames: { ar: 'Arabic', en: 'English', ru: 'Russian', hy: 'Armenian', az: 'Azerbaijani', und: 'language not stated' } as Record<string, string>,
  precisionNames: { year: 'year', month: 'month', week: 'week (± 3 days)', day: 'day', hour: 'hour', minute: 'minute' } as Record<Precision, string>,
  roleNames: {
    initiator: 'initiator', target: 'target', mediator: 'mediator', participant: 'participant', speaker: 'speaker',
    audience: 'audience', signatory: 'signatory', claimant: 'claimant', subject: 'subject', associate: 'associated',
  } as Record<Role, string>,
  countNames: {
    killed: 'killed', wounded: 'wounded', 'killed-or-missing': 'killed or missing', missing: 'missing',
    deployed: 'deployed', detained: 'detained', participants: 'taking part',
  } as Record<CountKind, string>,
  qualifierNames: { exact: '', about: 'about ', 'at-least': 'at least ', 'more-than': 'more than ' } as Record<Qualifier, string>,
  claimStatus: { unverified: 'unverified', disputed: 'disputed', confirmed: 'confirmed' } as Record<string, string>,
  relationNames: { 'broken-by': 'broken by', breaks: 'breaks', 'reacts-to': 'reacts to', ends: 'ends', follows: 'follows', 'part-of': 'part of' } as Record<RelationKind, string>,
  dayParts: { 'early-hours': 'early hours', morning: 'morning', afternoon: 'afternoon', evening: 'evening', night: 'night' } as Record<DayPart, string>,

  // Filters
  filters: 'Filters',
  /** The Filters button on a phone, when some filters are on. */
  filtersButtonActive: (n: string) => `Filters, ${n} active`,
  closeFilters: 'Close filters',
  search: 'Search',
  searchEvents: 'Search events',
  searchPlaceholder: 'Words in any language: ceasefire, وقف إطلاق النار',
  preparingSearch: (percent: string) => `Preparing the search (${percent}): the results follow as soon as it is ready.`,
  // Each name starts with the button's visible text (WCAG 2.5.3).
  selectAllActors: 'All: select every listed actor',
  all: 'All',
  selectNoActors: 'None: clear the actor filter',
  none: 'None',
  findActor: 'Find an actor',
  findAmong: (n: string) => `Find among ${n} actors`,
  noActorMatches: (q: string) => `No actor matches “${q}”.`,
  role: 'Role',
  anyRole: 'any role',
  asRole: (role: string) => `as ${role}`,
  eventTypes: 'Event types',
  dates: 'Dates (UTC)',
  dateFrom: 'From',
  dateTo: 'To',
  country: 'Country',
  anyCountry: 'any country',
  location: 'Location',
  anyLocation: 'any location',
  activeFilters: 'Active filters',
  removeFilter: (label: string) => `Remove filter ${label}`,
  clearAll: 'Clear all',
  filtered: (labels: string) => `Filtered: ${labels}`,
  chipActor: (name: string) => `Actor: ${name}`,
  chipRole: (role: string) => `Role: ${role}`,
  chipType: (type: string) => `Type: ${type}`,
  chipText: (q: string) => `Text: “${q}”`,
  chipCountry: (c: string) => `Country: ${c}`,
  chipPlace: (p: string) => `Location: ${p}`,
  // The area filter's chip: "Area: 39.5–40.5°N, 44.0–45.5°E"
  chipArea: (lat: string, lon: string) => `Area: ${lat}, ${lon}`,
  degrees: { N: '°N', S: '°S', E: '°E', W: '°W' },

  // Opening data
  openData: 'Open data',
  openDataFile: 'Open data file',
  openDataFileButton: 'Open data file…',
  format: 'Format',
  detectFormat: 'Detect format',
  whenOpening: 'When opening a file',
  replace: 'Replace',
  addToData: 'Add to current data',
  reading: 'Reading',
  importing: 'Importing',
  importProgress: 'Import progress',
  cancel: 'Cancel',
  dropToOpen: 'Drop the file to open it',
  dismissNotice: 'Dismiss notice',
  // Notices. What src/io and the URL codec explain (the reasons) stays English.
  ignoredFromLink: (reasons: string) => `Ignored from the link: ${reasons}.`,
  bundledInstead: 'The bundled dataset is shown instead.',
  keptAddedToBundled: 'The kept files that were added to it are added to the bundled dataset instead.',
  dataLinkProblem: (p: DataLinkProblem): string => {
    switch (p.kind) {
      case 'not-a-url':
        return `The data link "${p.link}" is not a URL.`;
      case 'not-http':
        return `The data link "${p.link}" is not an http(s) URL, so it was not opened.`;
      case 'credentials':
        return `The data link "${p.link}" has a user name or password in it, so it was not opened.`;
      case 'status':
        return `The data at ${p.url} could not be loaded: the server answered ${p.status}.`;
      case 'too-large':
        return `The data at ${p.url} is ${p.megabytes === null ? `larger than ${p.limitMegabytes} MB` : `${p.megabytes} MB`}; up to ${p.limitMegabytes} MB can be opened. Convert it to Parquet with npm run import, or serve it with npm run serve.`;
      case 'timeout':
        return `The data at ${p.url} did not arrive within ${p.seconds} seconds.`;
      case 'unreachable':
        return `The data at ${p.url} could not be loaded: the server did not answer, or it does not allow other sites to read it (CORS). (${p.detail})`;
    }
  },
  keptInstead: 'The files kept in this browser are shown instead.',
  // The data server (the `source` parameter).
  sourceLinkProblem: (value: string) => `The source "${value}" is not an http(s) URL, so no data server was asked.`,
  remoteLoading: 'Loading from the data server…',
  remoteNotAnswering: (url: string) => `The data server at ${url} is not answering; retrying.`,
  remoteRefused: (detail: string) => `The data server refused a request: ${detail}.`,
  tokenTitle: 'This data server needs a token',
  tokenExplain: (url: string) => `Enter the token for ${url}. It is kept in this tab only and never put in a link.`,
  tokenLabel: 'Token',
  tokenSubmit: 'Connect',
  keptTitle: 'Kept in this browser',
  keptOnScreen: 'These files come back when you reload. They stay on this computer and are sent nowhere.',
  keptNotOnScreen: 'Not on screen now. They stay on this computer and are sent nowhere.',
  keptOpenAgain: 'Open them again',
  keptForgetAll: 'Forget all',
  keptForget: 'Forget',
  keptForgetFile: (name: string) => `Forget ${name}`,
  keptOpened: (when: string) => `opened ${when}`,
  keptAdded: (when: string) => `added ${when}`,
  keptAddedToLink: (when: string, url: string) => `added ${when} to the data at ${url}`,
  keptFailed: (file: string, size: string, reason: string) => `${file} (${size}) could not be kept in this browser: ${reason}. Its data stays on screen until you reload.`,
  keptStorageFull: 'its storage is full',
  keptRefused: 'it refused',
  keptForgotten: (name: string) => `${name} is no longer kept in this browser. Its data stays on screen until you reload.`,
  keptAllForgotten: 'No file is kept in this browser now. The data on screen stays until you reload.',
  keptUnreadable: (why: string) => `The files kept in this browser could not be read: ${why}.`,
  dataStays: ' The data already loaded stays.',
  noEventImported: (file: string) => `${file}: no event could be imported.`,
  openingCancelled: (file: string) => `Opening ${file} was cancelled.`,
  couldNotRead: (file: string, why: string) => `${file} could not be read: ${why}.`,
  alreadyLoaded: (n: number, count: string, example: string) =>
    `${count} event${n === 1 ? ' was' : 's were'} already loaded (same id, e.g. "${example}") and ${n === 1 ? 'was' : 'were'} not added again.`,
  formatNames: { json: 'Conflict Timeline JSON', acled: 'ACLED CSV', ucdp: 'UCDP GED CSV', csv: 'Other CSV (map the columns)' } as Record<ImportFormat, string>,
  importReport: (file: string) => `Import report: ${file}`,
  downloadReport: 'Download report (CSV)',
  closeReport: 'Close report',
  readAs: (format: string) => `Read as ${format}.`,
  rowsRead: 'Rows read',
  imported: 'Imported',
  fixed: 'Fixed',
  rejected: 'Rejected',
  rejectedRows: 'Rejected rows',
  fixes: 'Fixes',
  notes: 'Notes',
  byField: (list: string) => `By field: ${list}`,
  moreInReport: (n: string) => `…and ${n} more in the downloaded report.`,
  reportInEnglish: '',
  // The one line a report shows until Details opens it (the file name is shown before it).
  reportEventsImported: (n: number, count: string) => `${count} event${n === 1 ? '' : 's'} imported`,
  reportRowsRejected: (n: number, count: string) => `${count} row${n === 1 ? '' : 's'} rejected`,
  reportRowsMerged: (n: number, count: string) => `${count} row${n === 1 ? '' : 's'} merged into ${n === 1 ? 'its event' : 'their events'}`,
  reportDetails: 'Details',
  reportHideDetails: 'Hide details',
  reportDetailsOf: (file: string) => `Details of the import of ${file}`,
  merged: 'Merged',
  readAsMissing: 'Read as missing',
  missingCells: (token: string, n: number, count: string) => `${token} (${count} cell${n === 1 ? '' : 's'})`,
  mapColumns: 'Map columns',
  mapColumnsOf: (file: string) => `Map the columns of ${file}`,
  mapColumnsIntro: 'This CSV is not an ACLED or UCDP export. Say which column holds what; the date and the title are needed.',
  noColumn: '— none —',
  timeZoneOfDates: 'Time zone of the dates',
  languageOfText: 'Language of the text',
  firstRows: 'First rows of the file',
  importButton: 'Import',
  mappedFieldNames: {
    date: 'Date (required)', title: 'Title (required)', endDate: 'End date', type: 'Event type', actors: 'Actors (separated by ;)',
    description: 'Description', place: 'Place', country: 'Country', latitude: 'Latitude', longitude: 'Longitude',
    source: 'Source name', url: 'Source URL', fatalities: 'Fatalities', id: 'Event id',
  } as Record<MappedField, string>,

  // Share and export
  share: 'Share',
  shareTitle: 'Share this view',
  linkToView: 'Link to this view',
  copyLink: 'Copy link',
  copied: 'Copied.',
  selectedPressCopy: 'Selected: press Ctrl+C (⌘C) to copy.',
  embedInPage: 'Embed in a web page',
  widthPx: 'Width (px)',
  fullWidth: 'Full width',
  heightPx: 'Height (px)',
  title: 'Title',
  zoomButtons: 'Zoom buttons',
  theme: 'Theme',
  themeLight: 'Light',
  themeDark: 'Dark',
  embedCode: 'Embed code',
  copyEmbedCode: 'Copy embed code',
  preview: 'Preview',
  previewTitle: 'Preview of the embed',
  filesWarning: (files: number, names: string) =>
    `This view shows data opened from ${files === 1 ? 'a file' : 'files'} (${names}). A link cannot carry a file: without a data address, the link and the embed show the bundled data. Publish the file at an http(s) address and give it here.`,
  publishedAddress: 'Address of the published data',
  export: 'Export',
  exportImage: 'The view as an image',
  exportData: 'The events as data',
  exportSvg: 'Export SVG',
  exportPng: 'Export PNG',
  exportCsv: 'Export CSV',
  exportJson: 'Export JSON',
  exportParquet: 'Export Parquet',
  exportGeoJson: 'Export GeoJSON',
  scopeFiltered: (n: string) => `All that pass the filters (${n})`,
  scopeWindow: (n: string) => `Only those in the visible window (${n})`,
  exportNote: 'Images show the timeline as it is on screen, with the filters, the source and today’s date.',
  failed: (what: string, why: string) => `${what} failed: ${why}`,
  openFullView: 'Open in full view',

  // Exported images
  exportSummary: (window: string, shown: string, total: string, totalCount: number) => `${window} · showing ${shown} of ${total} event${totalCount === 1 ? '' : 's'}`,
  exportFilters: (labels: string) => `Filters: ${labels}`,
  exportNoFilters: 'Filters: none (all events)',
  exportSource: (attribution: string) => `Source: ${attribution}`,
  exportNotStated: 'not stated',
  exported: (date: string) => `Exported ${date} from Conflict Timeline`,
  liveView: (url: string) => `Live view: ${url}`,

  // ---- Map panel (issue #24)
  mapToggle: 'Map',
  mapToggleTitle: 'Show or hide the map of events',
  // Not "Timeline…": only the timeline's own label starts so.
  mapLabel: (box: string) => `Map of events, ${box}. Drag or use the arrow keys to pan, + and − to zoom, Shift+drag to select an area.`,
  mapBox: (south: string, north: string, west: string, east: string) => `${south}–${north}, ${west}–${east}`,
  mapNorth: (deg: string) => `${deg}°N`,
  mapSouth: (deg: string) => `${deg}°S`,
  mapEast: (deg: string) => `${deg}°E`,
  mapWest: (deg: string) => `${deg}°W`,
  mapInView: (n: string, count: number) => `${n} event${count === 1 ? '' : 's'} on the map in view`,
  mapUnplaced: (n: string) => ` (${n} in the window without coordinates)`,
  mapZoomGroup: 'Map zoom',
  mapZoomIn: 'Zoom the map in',
  mapZoomOut: 'Zoom the map out',
  mapSelectArea: 'Select area',
  mapSelectAreaTitle: 'Draw a box on the map to keep only the events inside it (or Shift+drag)',
  mapSelectAreaActive: 'Drag a box on the map; Escape cancels',
  mapFilterToView: 'Filter to the map view',
  mapFitEvents: 'Fit events',
  mapFitEventsTitle: 'Move the map to the events in view',
  mapAttribution: 'Borders: Natural Earth',
  mapCellTooltip: (n: string, count: number) => `${n} event${count === 1 ? '' : 's'} here — click to zoom in`,
  mapLoading: 'Loading the map…',
  mapBasemapFailed: 'The basemap could not be loaded; events are drawn without it.',
  mapLegendArea: 'Placed only to a district, region or country: drawn as an area',
  mapLegendNear: 'Placed near a point (within about 25 km): a soft ring',
  locatorLabel: (place: string) => `Where it happened: ${place}`,
  mapKilometres: (n: string) => `${n} km`,
  geoPrecisionNames: { point: 'at this point', near: 'near this point (within about 25 km)', district: 'somewhere in this district', region: 'somewhere in this region', country: 'somewhere in this country' } as Record<GeoPrecision, string>,
  mapMetres: (n: string) => `${n} m`,

  // --- story: presenter (issue #25: presenting, step links, the story's embed) ---
  present: 'Present',
  presentTitle: 'Present the story one step at a time',
  presenterLabel: (title: string) => (title ? `Presenting the story: ${title}` : 'Presenting the story'),
  storyUntitled: 'Story',
  /** "2 of 5": the step on screen and how many there are. */
  stepOf: (n: string, total: string) => `${n} of ${total}`,
  stepButtons: 'Steps',
  stepPrevious: 'Previous',
  stepPreviousTitle: 'Previous step (Page Up)',
  stepNext: 'Next',
  stepNextTitle: 'Next step (Page Down)',
  presentEnd: 'End',
  presentEndTitle: 'End the presentation (Escape)',
  presenterKeys: 'Page Up and Page Down move between the steps; Escape ends the presentation.',
  stepSources: 'Sources',
  /** What a screen reader hears on each step: its number and its caption as plain text. */
  stepAnnounce: (n: string, total: string, caption: string) => `Step ${n} of ${total}${caption ? `: ${caption}` : ''}`,
  stepIgnored: (step: number, reasons: string) => `Step ${step} of the story: ignored ${reasons}.`,
  storyLinkProblem: (p: DataLinkProblem): string => {
    switch (p.kind) {
      case 'not-a-url':
        return `The story link "${p.link}" is neither a story nor a URL, so no story was opened.`;
      case 'not-http':
        return `The story link "${p.link}" is not an http(s) URL, so it was not opened.`;
      case 'credentials':
        return `The story link "${p.link}" has a user name or password in it, so it was not opened.`;
      case 'status':
        return `The story at ${p.url} could not be loaded: the server answered ${p.status}.`;
      case 'too-large':
        return `The story at ${p.url} is larger than a story can be (${p.limitMegabytes} MB), so it was not opened.`;
      case 'timeout':
        return `The story at ${p.url} did not arrive within ${p.seconds} seconds.`;
      case 'unreachable':
        return `The story at ${p.url} could not be loaded: the server did not answer, or it does not allow other sites to read it (CORS). (${p.detail})`;
    }
  },
  storyShareHeading: 'Share the story',
  storyShareIntro: (steps: number) => `The story's ${steps} step${steps === 1 ? '' : 's'}, presented from the first, with captions and Previous and Next buttons.`,
  storyLink: 'Link to the story',
  storyEmbedCode: 'Embed code of the story',
  storyTooLong: 'This story is too long to fit in a link. Save it as a file (Story panel, Save), publish the file at an http(s) address, and give that address here.',
  storyPublishedAddress: 'Address of the published story file',
  copyStoryLink: 'Copy the story’s link',
  copyStoryEmbed: 'Copy the story’s embed code',
  // --- end story: presenter ---
};

export type Messages = typeof en;
