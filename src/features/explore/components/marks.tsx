import { useState, type ReactNode } from 'react';
import { useHref, useNavigate } from 'react-router';

/** What the tooltip shows, and where: `at` is the mark's centre as a fraction of the chart's width. */
export interface TooltipState {
  text: string;
  at: number;
}

/** The tooltip of one chart strip: set on hover and on focus, cleared when both end. */
export function useTooltip() {
  const [tooltip, setTooltip] = useState<TooltipState | null>(null);
  return { tooltip, show: setTooltip, hide: () => setTooltip(null) };
}

export interface MarkLinkProps {
  /** In-app URL, such as `/search?topic=Agents&issue=2024-11-02`. */
  to: string;
  /** The mark's accessible name, also shown as its tooltip. */
  label: string;
  /** The mark's centre as a fraction of the chart's width, for the tooltip. */
  at: number;
  onShow: (tooltip: TooltipState) => void;
  onHide: () => void;
  children: ReactNode;
}

/**
 * A chart mark as an SVG link: focusable, named, with a tooltip on hover and focus. Click and Enter navigate inside the
 * app, so the search page opens without reloading the archive.
 */
export function MarkLink({ to, label, at, onShow, onHide, children }: MarkLinkProps) {
  const href = useHref(to);
  const navigate = useNavigate();
  return (
    <a
      href={href}
      aria-label={label}
      className="group/mark cursor-pointer focus-visible:outline-none"
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
        event.preventDefault();
        void navigate(to);
      }}
      // Not every engine activates an SVG link with Enter; handled here, and the default click is cancelled.
      onKeyDown={(event) => {
        if (event.key !== 'Enter' || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        void navigate(to);
      }}
      onMouseEnter={() => onShow({ text: label, at })}
      onMouseLeave={onHide}
      onFocus={() => onShow({ text: label, at })}
      onBlur={onHide}
    >
      {children}
    </a>
  );
}

/** The tooltip above a strip of marks; decoration for sighted readers, as each mark is already named. */
export function Tooltip({ tooltip }: { tooltip: TooltipState | null }) {
  if (!tooltip) return null;
  const align = tooltip.at < 0.2 ? 'translate-x-0' : tooltip.at > 0.8 ? '-translate-x-full' : '-translate-x-1/2';
  return (
    <div
      role="tooltip"
      className={`pointer-events-none absolute bottom-full z-10 mb-1 w-max max-w-64 rounded-md bg-stone-900 px-2 py-1 text-xs text-white shadow-lg dark:bg-stone-100 dark:text-stone-900 ${align}`}
      style={{ left: `${tooltip.at * 100}%` }}
    >
      {tooltip.text}
    </div>
  );
}

/**
 * The focus ring of a mark, drawn by the mark itself: the charts' SVGs stretch to their width, so the browser's outline
 * would stretch with them. Use with `vectorEffect="non-scaling-stroke"`.
 */
export const FOCUS_STROKE =
  'stroke-transparent stroke-2 group-focus-visible/mark:stroke-indigo-600 dark:group-focus-visible/mark:stroke-indigo-400';

/** Width of one period's column in viewBox units; bars leave a gap of a fifth. */
export const COLUMN = 10;
export const BAR = 8;
