import { EVENT_TYPE_INFO, type EventType } from '../model/taxonomy.ts';
import { shapePathData } from '../render/shapes.ts';

/** The legend's mark for a type: the same colour and shape as on the timeline. */
export function ShapeIcon({ type }: { type: EventType }) {
  const info = EVENT_TYPE_INFO[type];
  return (
    <svg className="shape-icon" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
      <path d={shapePathData(info.shape, 7, 7, 5.4)} fill={info.colour} stroke="#1f2328" strokeWidth="1" />
    </svg>
  );
}
