import { useAppState, useAppStore, useUiLocale } from './StoreContext.tsx';

export function LaneToggle() {
  const store = useAppStore();
  const { t } = useUiLocale();
  const lanes = useAppState((s) => s.lanes);
  return (
    <fieldset className="lane-toggle">
      <legend>{t.lanesBy}</legend>
      {(['type', 'actor', 'place'] as const).map((mode) => (
        <label key={mode}>
          <input type="radio" name="lanes" value={mode} checked={lanes === mode} onChange={() => store.getState().setLanes(mode)} />
          {{ type: t.lanesType, actor: t.lanesActor, place: t.lanesPlace }[mode]}
        </label>
      ))}
    </fieldset>
  );
}
