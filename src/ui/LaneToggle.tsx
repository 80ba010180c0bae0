import { useAppState, useAppStore } from './StoreContext.tsx';

export function LaneToggle() {
  const store = useAppStore();
  const lanes = useAppState((s) => s.lanes);
  return (
    <fieldset className="lane-toggle">
      <legend>Lanes by</legend>
      {(['type', 'actor'] as const).map((mode) => (
        <label key={mode}>
          <input type="radio" name="lanes" value={mode} checked={lanes === mode} onChange={() => store.getState().setLanes(mode)} />
          {mode === 'type' ? 'Event type' : 'Actor'}
        </label>
      ))}
    </fieldset>
  );
}
