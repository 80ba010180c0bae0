// Draws a caption's parsed tree (story/caption.ts) as React elements: text nodes, <strong>, <em>,
// <br> and links to http(s) or mailto only. Nothing from a caption is ever set as HTML.
import { Fragment, useMemo } from 'react';
import { parseCaption, type CaptionInline } from '../../story/caption.ts';

function Inline({ pieces }: { pieces: CaptionInline[] }) {
  return (
    <>
      {pieces.map((piece, i) => {
        switch (piece.kind) {
          case 'text':
            return <Fragment key={i}>{piece.text}</Fragment>;
          case 'break':
            return <br key={i} />;
          case 'strong':
            return (
              <strong key={i}>
                <Inline pieces={piece.children} />
              </strong>
            );
          case 'em':
            return (
              <em key={i}>
                <Inline pieces={piece.children} />
              </em>
            );
          case 'link':
            return (
              <a key={i} href={piece.href} target="_blank" rel="noopener noreferrer">
                <Inline pieces={piece.children} />
              </a>
            );
        }
      })}
    </>
  );
}

/** A caption, each paragraph in its own direction (Arabic right to left, English left to right). */
export function Caption({ source, className }: { source: string; className?: string }) {
  const paragraphs = useMemo(() => parseCaption(source), [source]);
  return (
    <div className={className ? `caption ${className}` : 'caption'}>
      {paragraphs.map((pieces, i) => (
        <p key={i} dir="auto">
          <Inline pieces={pieces} />
        </p>
      ))}
    </div>
  );
}
