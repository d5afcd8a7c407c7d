import type { SVGProps } from 'react';

/** The app's one icon set. Every icon is decorative: the button, link or field around it carries the accessible name. */

/** Props shared by every icon; `className` sets its size and colour (it draws in `currentColor`). */
export interface IconProps {
  className?: string;
}

/** The frame every icon shares: hidden from assistive technology, stroked in the current text colour. */
function Svg(props: SVGProps<SVGSVGElement>) {
  return <svg aria-hidden="true" fill="none" stroke="currentColor" {...props} />;
}

export function SearchIcon({ className = 'size-4' }: IconProps) {
  return (
    <Svg viewBox="0 0 20 20" className={className} strokeWidth="1.7">
      <circle cx="8.5" cy="8.5" r="5.5" />
      <path d="m13 13 4 4" strokeLinecap="round" />
    </Svg>
  );
}

export function CloseIcon({ className = 'size-4' }: IconProps) {
  return (
    <Svg viewBox="0 0 16 16" className={className} strokeWidth="1.8">
      <path d="m4 4 8 8M12 4l-8 8" />
    </Svg>
  );
}

/** A bookmark ribbon, filled when the entry is bookmarked. */
export function BookmarkIcon({ filled = false, className = 'size-5' }: IconProps & { filled?: boolean }) {
  return (
    <Svg
      viewBox="0 0 24 24"
      className={className}
      fill={filled ? 'currentColor' : 'none'}
      strokeWidth="1.8"
      strokeLinejoin="round"
    >
      <path d="M6.5 3.5h11a1 1 0 0 1 1 1v16l-6.5-4.5-6.5 4.5v-16a1 1 0 0 1 1-1Z" />
    </Svg>
  );
}

export function SunIcon({ className = 'size-5' }: IconProps) {
  return (
    <Svg viewBox="0 0 24 24" className={className} strokeWidth="1.8" strokeLinecap="round">
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2v2M12 20v2M4.93 4.93l1.41 1.41M17.66 17.66l1.41 1.41M2 12h2M20 12h2M4.93 19.07l1.41-1.41M17.66 6.34l1.41-1.41" />
    </Svg>
  );
}

export function MoonIcon({ className = 'size-5' }: IconProps) {
  return (
    <Svg viewBox="0 0 24 24" className={className} strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <path d="M21 12.79A9 9 0 1 1 11.21 3a7 7 0 0 0 9.79 9.79z" />
    </Svg>
  );
}

/** Two chain links: copy a link. */
export function LinkIcon({ className = 'size-4' }: IconProps) {
  return (
    <Svg viewBox="0 0 20 20" className={className} strokeWidth="1.6" strokeLinecap="round">
      <path d="M8.5 11.5a3.5 3.5 0 0 0 5 0l2.5-2.5a3.5 3.5 0 0 0-5-5l-1 1M11.5 8.5a3.5 3.5 0 0 0-5 0L4 11a3.5 3.5 0 0 0 5 5l1-1" />
    </Svg>
  );
}

/** The ↗ mark after a link to another site. */
export function ExternalLinkIcon({ className = 'size-3' }: IconProps) {
  return (
    <Svg viewBox="0 0 16 16" className={className} strokeWidth="1.6">
      <path d="M6 3h7v7M13 3 5 11" />
    </Svg>
  );
}

/** A struck-through signal: no network. */
export function OfflineIcon({ className = 'size-3.5' }: IconProps) {
  return (
    <Svg viewBox="0 0 16 16" className={className} strokeWidth="1.6" strokeLinecap="round">
      <path d="M2 2l12 12M5.5 8.6a4 4 0 0 1 2-.9M3 6a8 8 0 0 1 2.4-1.5M13 6a8 8 0 0 0-5-1.9M10.6 8.6a4 4 0 0 0-.8-.5M8 12h.01" />
    </Svg>
  );
}

/** The app's mark: an open book. */
export function LogoIcon({ className = 'size-6' }: IconProps) {
  return (
    <Svg viewBox="0 0 24 24" className={className} strokeWidth="1.8" strokeLinejoin="round">
      <path d="M4 5.5c2.8-1 5.5-.7 8 1 2.5-1.7 5.2-2 8-1v13c-2.8-1-5.5-.7-8 1-2.5-1.7-5.2-2-8-1z" />
      <path d="M12 6.5v13" />
    </Svg>
  );
}

/** A building: an organisation. */
export function OrganisationIcon({ className = 'size-3' }: IconProps) {
  return (
    <Svg viewBox="0 0 16 16" className={className} strokeWidth="1.5">
      <path d="M2.5 14V3.5l5-2 5 2V14M1 14h14M5.5 6h1M9.5 6h1M5.5 9h1M9.5 9h1M7 14v-2.5h2V14" />
    </Svg>
  );
}

/** A question mark in a circle: help. */
export function HelpIcon({ className = 'size-4' }: IconProps) {
  return (
    <Svg viewBox="0 0 20 20" className={className} strokeWidth="1.6">
      <circle cx="10" cy="10" r="7.5" />
      <path d="M7.8 7.6a2.3 2.3 0 1 1 3.2 2.1c-.6.3-1 .8-1 1.4v.4M10 14.2v.1" strokeLinecap="round" />
    </Svg>
  );
}

/** Three narrowing lines: filters. */
export function FilterIcon({ className = 'size-4' }: IconProps) {
  return (
    <Svg viewBox="0 0 20 20" className={className} strokeWidth="1.7">
      <path d="M3 5h14M6 10h8M8.5 15h3" strokeLinecap="round" />
    </Svg>
  );
}
