import { EVENT_TYPES, EVENT_TYPE_INFO } from '../model/taxonomy.ts';
import { useAppState, useUiLocale } from './StoreContext.tsx';
import { ShapeIcon } from './ShapeIcon.tsx';
import { typesPresent } from '../table/eventTable.ts';
import { remoteTypesPresent } from '../remote/remoteCounts.ts';
import { useMediaQuery } from './useMediaQuery.ts';
import { MapLegendEntries } from './MapPanel.tsx';

export function Legend() {
  const { lang, t } = useUiLocale();
  const table = useAppState((s) => s.table);
  // Worked out once per table: a Set of a million types took 70 ms of the first frame after an open.
  const selected = useAppState((s) => s.filters.types);
  // From a data server the page holds few events, or none: the types are those the server counts.
  const remoteCounts = useAppState((s) => (s.remoteInfo ? s.remoteAnswer?.counts ?? null : null));
  const present = remoteCounts ? remoteTypesPresent(remoteCounts, selected) : typesPresent(table);
  // Under a type filter the key names only the types drawn, as an exported image's does: a reader
  // of an embed should not look for protests the view leaves out.
  // A touch screen has no hover and no click: its legend says what a finger does.
  const touch = useMediaQuery('(hover: none)');
  return (
    <figure className="legend" aria-label={t.legend}>
      <ul>
        {EVENT_TYPES.filter((type, i) => present[i] === 1 && (selected.length === 0 || selected.includes(type))).map((t) => (
          <li key={t}>
            <ShapeIcon type={t} />
            {EVENT_TYPE_INFO[t].label[lang]}
          </li>
        ))}
        <li>
          <svg className="shape-icon" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
            <circle cx="7" cy="7" r="6" fill="#3d4651" />
            <text x="7" y="10" fontSize="8" textAnchor="middle" fill="#fff">3</text>
          </svg>
          {touch ? t.legendClusterTouch : t.legendCluster}
        </li>
        <li>
          <svg className="shape-icon" width="22" height="14" viewBox="0 0 22 14" aria-hidden="true">
            <path d="M1,7 H21 M1,3 V11 M21,3 V11" stroke="#59636e" strokeWidth="1.5" />
          </svg>
          {touch ? t.legendSpanTouch : t.legendSpan}
        </li>
        <MapLegendEntries />
      </ul>
    </figure>
  );
}
