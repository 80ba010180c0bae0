import { lazy, Suspense } from 'react';
import { useAppState, useUiLocale } from './StoreContext.tsx';
import { Timeline } from './Timeline.tsx';
import { StatusLine } from './StatusLine.tsx';
import { ZoomControls } from './ZoomControls.tsx';
import { Legend } from './Legend.tsx';
import { EventsTable } from './EventsTable.tsx';
import { DetailPanel } from './DetailPanel.tsx';
import { Overview } from './Overview.tsx';
import { Notices } from './Notices.tsx';
import { LaneToggle } from './LaneToggle.tsx';
import { FilterDrawer, FilterPanel } from './filters/FilterPanel.tsx';
import { useFiltersInDrawer } from './useMediaQuery.ts';
import { FilterChips } from './filters/FilterChips.tsx';
import { ImportControls } from './import/ImportControls.tsx';
import { ImportProgress } from './import/ImportProgress.tsx';
import { ImportReportPanel } from './import/ImportReportPanel.tsx';
import { KeptFilesPanel } from './import/KeptFilesPanel.tsx';
import { MappingDialog } from './import/MappingDialog.tsx';
import { DropZone } from './import/DropZone.tsx';
import { ShareDialog } from './share/ShareDialog.tsx';
import { ExportMenu } from './share/ExportMenu.tsx';
import { PrintView } from './PrintView.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { KeyboardHelp, KeyboardHelpButton } from './KeyboardHelp.tsx';
import { useGlobalKeys } from './globalKeys.ts';
import { RemoteStatus, TokenDialog } from './RemoteStatus.tsx';
import { MapPanel, MapToggle } from './MapPanel.tsx';
import { StoryToggle } from './story/StoryToggle.tsx';
import { PresentButton } from './story/PresentButton.tsx';
import { Presenter } from './story/Presenter.tsx';
import { PlaybackControls } from './playback/PlaybackControls.tsx';

// The Story panel and its Markdown reader load when the panel is first opened.
const StoryPanel = lazy(() => import('./story/StoryPanel.tsx').then((m) => ({ default: m.StoryPanel })));

export function App() {
  const { t } = useUiLocale();
  const title = useAppState((s) => s.dataset?.title ?? t.noData);
  const attribution = useAppState((s) => s.dataset?.attribution);
  const hasSelection = useAppState((s) => s.selectedId !== null);
  const storyPanelOpen = useAppState((s) => s.storyPanelOpen);
  // A large file's preview: drawn, but nothing to click until the events are read.
  const previewing = useAppState((s) => s.previewing !== null);
  // Phones: the filters fold into a drawer opened from the toolbar.
  const filtersInDrawer = useFiltersInDrawer();
  useGlobalKeys();
  return (
    <div className={`app${hasSelection ? ' with-detail' : ''}`}>
      <a
        className="skip-link"
        href="#timeline"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('timeline')?.focus();
        }}
      >
        {t.skipToTimeline}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="product">{t.product}</span>
          <h1 dir="auto">{title}</h1>
        </div>
        <ImportControls />
        <StatusLine />
        {/* Keyboard help is for the whole page, so it sits beside the language, not among the view's controls. */}
        <div className="header-end">
          <KeyboardHelpButton />
          <LanguageSwitch />
        </div>
      </header>
      <ImportProgress />
      <Notices />
      <RemoteStatus />
      <TokenDialog />
      <ImportReportPanel />
      <KeptFilesPanel />
      <MappingDialog />
      <DropZone />
      <div className="workspace" inert={previewing} aria-busy={previewing}>
        {!filtersInDrawer && <FilterPanel />}
        <main className="main-column" aria-label={t.landmarkMain}>
          <div className="toolbar">
            {filtersInDrawer && <FilterDrawer />}
            <ZoomControls />
            <LaneToggle />
            <MapToggle />
            {/* Telling it: playback, the story and its presenter, then sharing and exporting, on a row of
                their own above the timeline (beside the view's controls they wrapped to a third row). */}
            <div className="toolbar-tell">
              <PlaybackControls />
              <StoryToggle />
              <PresentButton />
              <div className="toolbar-end">
                <ShareDialog />
                <ExportMenu />
              </div>
            </div>
          </div>
          <FilterChips />
          <div className="views">
            <div className="timeline-block">
              <Timeline />
              <Overview />
            </div>
            <MapPanel />
            {storyPanelOpen && (
              <Suspense fallback={null}>
                <StoryPanel />
              </Suspense>
            )}
          </div>
          <Legend />
          {attribution && (
            <p className="attribution" dir="auto">
              {t.source(attribution)}
            </p>
          )}
          {previewing ? <p className="preview-note">{t.previewNote}</p> : <EventsTable />}
          <Presenter />
        </main>
        <DetailPanel />
      </div>
      <KeyboardHelp />
      <PrintView />
    </div>
  );
}
