import type { ReactNode } from 'react';
import { ExternalLinkIcon } from '@/components/ui/icons';

/** True for absolute http(s) URLs, the only kind the app turns into links. */
export function isHttpUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

export interface ExternalLinkProps {
  href: string;
  children: ReactNode;
  className?: string;
  /** Show the ↗ mark after the text. */
  icon?: boolean;
}

/** A link to another site: new tab, no opener, no referrer; anything but http(s) is shown as plain text. */
export function ExternalLink({ href, children, className, icon = false }: ExternalLinkProps) {
  if (!isHttpUrl(href)) return <span className={className}>{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className={className}>
      {children}
      {icon && <ExternalLinkIcon className="ml-0.5 inline-block size-3 align-baseline" />}
      <span className="sr-only">, opens in a new tab</span>
    </a>
  );
}
