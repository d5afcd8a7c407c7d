import { Link } from 'react-router';
import { LogoIcon } from '@/components/ui/icons';

/** The product name linking home, the same in the loading shell and the real header so nothing moves between them. */
export function BrandLink() {
  return (
    <Link
      to="/"
      className="flex items-center gap-2 rounded-md py-1 font-semibold tracking-tight text-stone-900 dark:text-stone-50"
    >
      <LogoIcon className="size-6 text-indigo-700 dark:text-indigo-300" />
      <span>Frontier Reader</span>
    </Link>
  );
}
