import { Fragment } from 'react';
import { ExternalLink } from '@/components/ui/external-link';
import type { Paragraph } from '@/shared/bundle';

/** An entry's full text from the bundle's inline nodes: text stays text, only http(s) links become links. */
export function EntryBody({ body }: { body: Paragraph[] }) {
  return (
    <div className="space-y-5 font-serif text-[1.125rem] leading-8 text-stone-800 dark:text-stone-200">
      {body.map((paragraph, index) => (
        <p key={index} className="text-pretty break-words">
          {paragraph.map((node, nodeIndex) =>
            node.type === 'link' ? (
              <ExternalLink
                key={nodeIndex}
                href={node.url}
                className="text-indigo-700 underline decoration-indigo-300 underline-offset-4 hover:decoration-indigo-700 dark:text-indigo-300 dark:decoration-indigo-700 dark:hover:decoration-indigo-300 print:text-inherit"
              >
                {node.text}
              </ExternalLink>
            ) : (
              <Fragment key={nodeIndex}>{node.text}</Fragment>
            ),
          )}
        </p>
      ))}
    </div>
  );
}
