// A step's caption and sources edited in place. The draft is the editor's own until "Done", so
// that an edit is one change in the story's undo history, not one per key.
import { useId, useState } from 'react';
import { STORY_LIMITS, type StoryStep } from '../../story/story.ts';
import { useUiLocale } from '../StoreContext.tsx';

/** An example address for the hint: the same in every language. */
const EXAMPLE_URL = 'https://…';

export interface StepEdit {
  caption: string;
  sources: string[];
}

/** Sources as the user typed them, one per line: blank lines dropped, at most as many as a step keeps. */
export function sourcesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, STORY_LIMITS.sources)
    .map((line) => line.slice(0, STORY_LIMITS.source));
}

export function StepEditor({ step, number, onDone, onCancel }: { step: StoryStep; number: string; onDone(edit: StepEdit): void; onCancel(): void }) {
  const { t } = useUiLocale();
  const id = useId();
  const [caption, setCaption] = useState(step.caption);
  const [sources, setSources] = useState(step.sources.join('\n'));
  const done = () => onDone({ caption, sources: sourcesOf(sources) });
  // Ctrl+Enter (⌘+Enter) finishes, as in most editors of short text.
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      done();
    }
  };
  return (
    <div className="step-editor">
      <textarea
        className="step-caption-input"
        aria-label={t.storyCaptionLabel(number)}
        aria-describedby={`${id}-hint`}
        dir="auto"
        rows={5}
        maxLength={STORY_LIMITS.caption}
        value={caption}
        autoFocus
        onChange={(e) => setCaption(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-hint`} className="step-editor-hint">
        {t.storyCaptionHint}{' '}
        {/* The syntax as typed, left to right even in Arabic, so that brackets and stars stay in place. */}
        {t.storyCaptionExamples(EXAMPLE_URL).map((example, i) => (
          <code key={i} dir="ltr">
            {example}
          </code>
        ))}
      </p>
      <label className="step-sources-field">
        <span>{t.storySourcesLabel}</span>
        <textarea dir="auto" rows={2} value={sources} onChange={(e) => setSources(e.currentTarget.value)} onKeyDown={onKeyDown} />
      </label>
      <div className="step-editor-actions">
        <button type="button" className="button primary" onClick={done}>
          {t.storyDone}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t.storyCancel}
        </button>
      </div>
    </div>
  );
}
