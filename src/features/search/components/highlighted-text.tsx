import { Fragment } from 'react';
import type { TextSegment } from '@/features/search/lib/highlight';
import { MATCH } from '@/features/search/components/search-page-classes';

/** Text with its matched words in <mark>; built from text nodes, never HTML. */
export function HighlightedText({ segments }: { segments: readonly TextSegment[] }) {
  return (
    <>
      {segments.map((segment, i) =>
        segment.mark ? (
          <mark key={i} className={MATCH}>
            {segment.text}
          </mark>
        ) : (
          <Fragment key={i}>{segment.text}</Fragment>
        ),
      )}
    </>
  );
}
