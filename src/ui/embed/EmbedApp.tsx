import { useEffect, useRef } from 'react';
import { useAppState, usePageOptions, useUiLocale } from '../StoreContext.tsx';
import { Timeline } from '../Timeline.tsx';
import { StatusLine } from '../StatusLine.tsx';
import { ZoomControls } from '../ZoomControls.tsx';
import { Legend } from '../Legend.tsx';
import { DetailPanel } from '../DetailPanel.tsx';
import { Notices } from '../Notices.tsx';
import { FilterChips } from '../filters/FilterChips.tsx';
import { FullViewLink } from './FullViewLink.tsx';
import { startResizeMessages } from './resizeMessages.ts';
import { KeyboardHelp } from '../KeyboardHelp.tsx';
import { useGlobalKeys } from '../globalKeys.ts';
import { RemoteStatus, TokenDialog } from '../RemoteStatus.tsx';
import { MapPanel } from '../MapPanel.tsx';
import { LazyStepCard } from '../story/LazyStepCard.tsx';
import { StepAnnouncer } from '../story/StepAnnouncer.tsx';

/**
 * `?embed=1`: one view for a report. The timeline with its legend, a title, the status line and a
 * link to the full view; no filter panel and no app chrome. Without `height`, the timeline fills
 * the iframe. With a story (`story=`), the step on screen below the view: its caption and sources,
 * "1 of 3", and Previous and Next.
 */
export function EmbedApp() {
  const page = usePageOptions();
  const { t } = useUiLocale();
  const datasetTitle = useAppState((s) => s.dataset?.title ?? t.product);
  const attribution = useAppState((s) => s.dataset?.attribution);
  const rootRef = useRef<HTMLElement>(null);
  useEffect(() => startResizeMessages(rootRef.current!), []);
  useGlobalKeys();
  // A story's embed grows with its caption (the host hears its height): its timeline keeps the default height instead of filling the frame.
  const hasStory = useAppState((s) => s.story.steps.length > 0);
  const fill = page.height === null && !hasStory;
  const style = page.height === null ? undefined : ({ '--embed-timeline-height': `${page.height}px` } as React.CSSProperties);
  return (
    <main ref={rootRef} className={`embed-app${fill ? ' fill' : ''}`} style={style}>
      <header className="embed-header">
        <h1 dir="auto">{page.title ?? datasetTitle}</h1>
        <StatusLine />
        <FullViewLink />
      </header>
      <Notices />
      <RemoteStatus />
      <TokenDialog />
      <div className="embed-bar">
        {page.controls && <ZoomControls />}
        <FilterChips readOnly />
      </div>
      <div className="views">
        <Timeline />
        <MapPanel />
      </div>
      <LazyStepCard variant="embed" />
      <StepAnnouncer />
      <Legend />
      {attribution && (
        <p className="attribution" dir="auto">
          {t.source(attribution)}
        </p>
      )}
      <DetailPanel />
      <KeyboardHelp />
    </main>
  );
}
