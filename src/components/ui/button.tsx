import type { ComponentPropsWithRef } from 'react';

/** How much a button stands out: the one main action, an ordinary one, a quiet one, or one that destroys data. */
export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

/** `sm` for rows of tools, `md` for a page's main actions, `icon` for a square button holding only an icon. */
export type ButtonSize = 'sm' | 'md' | 'icon';

/** A native button with the app's look; everything else passes through to `<button>`. */
export interface ButtonProps extends ComponentPropsWithRef<'button'> {
  variant?: ButtonVariant;
  size?: ButtonSize;
}

const base =
  'focus-ring inline-flex shrink-0 items-center justify-center gap-1.5 rounded-md border text-sm font-medium disabled:cursor-not-allowed disabled:opacity-60';

const variants: Record<ButtonVariant, string> = {
  primary:
    'border-transparent bg-indigo-700 text-white hover:bg-indigo-800 dark:bg-indigo-300 dark:text-indigo-950 dark:hover:bg-indigo-200',
  secondary:
    'border-stone-300 bg-white text-stone-800 hover:bg-stone-50 dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100 dark:hover:bg-stone-800',
  // Takes its colour from the surrounding text, so it works on any surface, the inverted toast included.
  ghost: 'border-transparent hover:bg-current/10',
  danger:
    'border-transparent bg-rose-700 text-white [--focus-ring-color:var(--color-rose-700)] hover:bg-rose-800 dark:bg-rose-300 dark:text-rose-950 dark:[--focus-ring-color:var(--color-rose-300)] dark:hover:bg-rose-200',
};

const sizes: Record<ButtonSize, string> = {
  sm: 'min-h-9 px-3',
  md: 'min-h-10 px-4',
  icon: 'size-9',
};

/** The classes of a button, for a link (`<a>`, `<Link>`) that looks like one. */
export function buttonClasses({
  variant = 'secondary',
  size = 'md',
  className,
}: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}): string {
  return [base, variants[variant], sizes[size], className].filter(Boolean).join(' ');
}

/** A button that does not submit forms unless asked (`type="submit"`). */
export function Button({ variant, size, className, type = 'button', ...props }: ButtonProps) {
  return <button type={type} className={buttonClasses({ variant, size, className })} {...props} />;
}
