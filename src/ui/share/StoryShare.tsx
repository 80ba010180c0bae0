import { useId, useMemo, useRef, useState } from 'react';
import { useAppState, useUiLocale } from '../StoreContext.tsx';
import { embedUrlFor, iframeSnippet, type EmbedSettings, type IframeSize } from '../../share/links.ts';
import { storyLinkFor } from '../../share/storyLinks.ts';
import { encodeStoryParam } from '../../story/storyCodec.ts';
import { checkDataUrl } from '../../io/fetchDataset.ts';
import { CopyButton } from './CopyButton.tsx';

/**
 * The Share dialog's part for a story with steps: a link that presents it from its first step, and
 * the embed code of the story (the dialog's size, title, zoom buttons and theme). A story too long
 * for a link is shared as a file: the author gives the address where it is published.
 */
export function StoryShare({ data, source, settings, size, frameTitle }: { data: string | null; source: string | null; settings: EmbedSettings; size: IframeSize; frameTitle: string }) {
  const { t } = useUiLocale();
  const id = useId();
  const linkRef = useRef<HTMLInputElement>(null);
  const snippetRef = useRef<HTMLTextAreaElement>(null);
  const story = useAppState((s) => s.story);
  const [published, setPublished] = useState('');
  const tooLong = useMemo(() => story.steps.length > 0 && encodeStoryParam(story) === null, [story]);
  const checked = tooLong && published.trim() ? checkDataUrl(published.trim(), window.location.href) : null;
  const storyUrl = checked?.ok ? checked.url.href : null;
  const link = useMemo(() => storyLinkFor(window.location.href, story, { step: 1, data, source, storyUrl }), [story, data, source, storyUrl]);
  if (story.steps.length === 0) return null;
  const snippet = link.ok ? iframeSnippet(embedUrlFor(link.url, settings), size, frameTitle) : '';
  return (
    <section className="story-share" aria-labelledby={`${id}-story`}>
      <h3 id={`${id}-story`}>{t.storyShareHeading}</h3>
      <p className="story-share-intro">{t.storyShareIntro(story.steps.length)}</p>
      {tooLong && (
        <div className="share-warning">
          <p>{t.storyTooLong}</p>
          <label className="field">
            <span>{t.storyPublishedAddress}</span>
            <input type="url" value={published} placeholder="https://example.org/story.json" onChange={(e) => setPublished(e.target.value)} />
          </label>
          {checked && !checked.ok && <p className="field-error">{t.storyLinkProblem(checked.problem)}</p>}
        </div>
      )}
      {link.ok && (
        <>
          <label className="copy-label" htmlFor={`${id}-link`}>
            {t.storyLink}
          </label>
          <div className="copy-row">
            <input id={`${id}-link`} ref={linkRef} readOnly value={link.url} dir="ltr" onFocus={(e) => e.target.select()} />
            <CopyButton text={link.url} field={linkRef} label={t.copyStoryLink} />
          </div>
          <label className="copy-label" htmlFor={`${id}-embed`}>
            {t.storyEmbedCode}
          </label>
          <div className="copy-row">
            <textarea id={`${id}-embed`} ref={snippetRef} readOnly value={snippet} rows={4} dir="ltr" onFocus={(e) => e.target.select()} />
            <CopyButton text={snippet} field={snippetRef} label={t.copyStoryEmbed} />
          </div>
        </>
      )}
    </section>
  );
}
