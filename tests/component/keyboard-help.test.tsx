import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { KeyboardHelp } from '@/components/keyboard-help';

// KeyboardHelp is mounted once in the app's layout; here it sits beside a few controls of a page.
function Page() {
  return (
    <>
      <button type="button">Bookmark</button>
      <label>
        Search
        <input type="search" />
      </label>
      <KeyboardHelp />
    </>
  );
}

describe('the list of keys', () => {
  it('opens on ?, is labelled, lists the entry keys and closes on Escape, returning focus', async () => {
    const user = userEvent.setup();
    render(<Page />);
    const opener = screen.getByRole('button', { name: 'Bookmark' });
    opener.focus();
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    for (const does of ['Next entry', 'Previous entry', 'Open the focused entry', 'Show this list of keys']) {
      expect(within(dialog).getByText(does)).toBeInTheDocument();
    }
    expect(within(dialog).getByText(/Mark the focused entry read or unread/)).toBeInTheDocument();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });

  it('closes with its Close button and keeps Tab inside while open', async () => {
    const user = userEvent.setup();
    render(<Page />);
    const opener = screen.getByRole('button', { name: 'Bookmark' });
    opener.focus();
    await user.keyboard('?');
    const close = await screen.findByRole('button', { name: 'Close' });
    await user.tab();
    expect(close).toHaveFocus();
    await user.tab({ shift: true });
    expect(close).toHaveFocus();
    await user.click(close);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });

  it('ignores ? typed in a field', async () => {
    const user = userEvent.setup();
    render(<Page />);
    const field = screen.getByRole('searchbox', { name: 'Search' });
    await user.click(field);
    await user.keyboard('what?');
    expect(field).toHaveValue('what?');
    // The dialog's code loads asynchronously; give it the chance to appear if it wrongly would.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
