import { Fragment } from 'react';
import type { TextSegment } from '@/features/search/lib/highlight';

/** Text with its matched words in <mark>; built from text nodes, never HTML. */
export function HighlightedText({ segments }: { segments: readonly TextSegment[] }) {
  return (
    <>
      {segments.map((segment, i) =>
        segment.mark ? (
          <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-inherit dark:bg-amber-300/25 dark:text-amber-50">
            {segment.text}
          </mark>
        ) : (
          <Fragment key={i}>{segment.text}</Fragment>
        ),
      )}
    </>
  );
}
