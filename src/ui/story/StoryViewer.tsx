// The interactive part of a story's HTML file: the step navigation over the app's own timeline,
// legend, status line and event details, on the events the file carries.
import { useUiLocale } from '../StoreContext.tsx';
import { Timeline } from '../Timeline.tsx';
import { StatusLine } from '../StatusLine.tsx';
import { ZoomControls } from '../ZoomControls.tsx';
import { Legend } from '../Legend.tsx';
import { DetailPanel } from '../DetailPanel.tsx';
import { Notices } from '../Notices.tsx';
import { KeyboardHelp } from '../KeyboardHelp.tsx';
import { useGlobalKeys } from '../globalKeys.ts';
import { StoryViewerSteps } from './StoryViewerSteps.tsx';

/** `problems`: what the file held that could not be read. */
export function StoryViewer({ problems }: { problems: string[] }) {
  const { t } = useUiLocale();
  useGlobalKeys();
  return (
    <section className="embed-app story-viewer-app" aria-label={t.storyViewerLabel}>
      {problems.map((problem, i) => (
        <p key={i} className="story-viewer-problem" role="alert">
          {t.storyViewerProblem(problem)}
        </p>
      ))}
      <StoryViewerSteps />
      <Notices />
      <div className="embed-bar story-viewer-bar">
        <ZoomControls />
        <StatusLine />
      </div>
      <div className="views">
        <Timeline />
      </div>
      <Legend />
      <DetailPanel />
      <KeyboardHelp />
    </section>
  );
}
