import { EVENT_TYPE_INFO, type EventType } from '../model/taxonomy.ts';

const PATHS: Record<string, string> = {
  circle: 'M7,1 A6,6 0 1,1 6.99,1 Z',
  square: 'M2,2 H12 V12 H2 Z',
  diamond: 'M7,0.5 L13.5,7 L7,13.5 L0.5,7 Z',
  triangle: 'M7,1 L13,12 L1,12 Z',
  'triangle-down': 'M7,13 L13,2 L1,2 Z',
  cross: 'M5,1 H9 V5 H13 V9 H9 V13 H5 V9 H1 V5 H5 Z',
  star: 'M7,0.5 L8.8,5 L13.5,5.2 L9.8,8.2 L11.1,13 L7,10.3 L2.9,13 L4.2,8.2 L0.5,5.2 L5.2,5 Z',
};

/** The legend's mark for a type: the same colour and shape as on the timeline. */
export function ShapeIcon({ type }: { type: EventType }) {
  const info = EVENT_TYPE_INFO[type];
  return (
    <svg className="shape-icon" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
      <path d={PATHS[info.shape]} fill={info.colour} stroke="#1f2328" strokeWidth="1" />
    </svg>
  );
}
