import { Link } from 'react-router';
import { entryPath, issuePath } from '@/components/entry/paths';
import { ChartSection, tableClass } from '@/features/explore/components/chart-section';
import { shortDate, type RepeatedPaper } from '@/features/explore/lib/aggregate';
import { repeatedPapersSummary } from '@/features/explore/lib/summaries';

/** How many papers the list shows; the table view shows them all. */
const SHOWN = 20;

const linkClass = 'text-indigo-700 underline underline-offset-2 hover:no-underline dark:text-indigo-300';

/** Papers covered more than once, with links to the issues that covered them. */
export function RepeatedPapers({ papers }: { papers: RepeatedPaper[] }) {
  return (
    <ChartSection
      title="Papers covered more than once"
      summary={repeatedPapersSummary(papers)}
      table={<RepeatedPapersTable papers={papers} />}
    >
      <ol className="divide-y divide-stone-200 dark:divide-stone-800" aria-label="Papers covered more than once">
        {papers.slice(0, SHOWN).map((paper) => (
          <li key={paper.key} className="py-2">
            <Link to={entryPath(paper.entryId)} className={`font-medium ${linkClass}`}>
              {paper.title}
            </Link>
            <p className="mt-0.5 text-sm text-stone-600 dark:text-stone-400">
              {paper.entryCount} entries in:{' '}
              {paper.issues.map((issue, index) => (
                <span key={issue.id}>
                  {index > 0 && ', '}
                  <Link to={issuePath(issue.id)} className={linkClass}>
                    {shortDate(issue.date)}
                  </Link>
                </span>
              ))}
            </p>
          </li>
        ))}
      </ol>
      {papers.length > SHOWN && (
        <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
          {papers.length - SHOWN} more in the table view.
        </p>
      )}
    </ChartSection>
  );
}

function RepeatedPapersTable({ papers }: { papers: RepeatedPaper[] }) {
  return (
    <table className={tableClass}>
      <caption className="sr-only">Papers covered more than once</caption>
      <thead>
        <tr>
          <th scope="col">Paper</th>
          <th scope="col" className="text-right">
            Entries
          </th>
          <th scope="col">Issues</th>
        </tr>
      </thead>
      <tbody>
        {papers.map((paper) => (
          <tr key={paper.key}>
            <th scope="row" className="font-normal">
              {paper.title}
            </th>
            <td className="text-right tabular-nums">{paper.entryCount}</td>
            <td>{paper.issues.map((issue) => shortDate(issue.date)).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
