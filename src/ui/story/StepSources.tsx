// A step's sources, as the Story panel and the step card show them: text, and a link only where a
// source is a whole http(s) address (see sources.ts). Nothing from a source is ever set as HTML.
import { useId } from 'react';
import { useUiLocale } from '../StoreContext.tsx';
import { webAddress } from './sources.ts';

export function StepSources({ sources }: { sources: readonly string[] }) {
  const { t } = useUiLocale();
  const id = useId();
  if (sources.length === 0) return null;
  return (
    <div className="step-sources">
      <h3 id={id}>{t.storySources}</h3>
      <ul aria-labelledby={id}>
        {sources.map((source, i) => {
          const href = webAddress(source);
          return (
            <li key={i} dir="auto">
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer">
                  {source}
                </a>
              ) : (
                source
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
