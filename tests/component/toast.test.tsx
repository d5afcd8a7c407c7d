import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Toast } from '@/components/ui/toast';

/** A page with a text field and a toast that counts its action and closes when dismissed. */
function Harness() {
  const [open, setOpen] = useState(true);
  const [undone, setUndone] = useState(0);
  return (
    <>
      <input aria-label="Note" />
      <p>Undone {undone} times</p>
      <Toast
        open={open}
        message="Removed “Mixture of Parrots”"
        actionLabel="Undo"
        onAction={() => setUndone((n) => n + 1)}
        dismissLabel="Dismiss"
        onDismiss={() => setOpen(false)}
      />
    </>
  );
}

describe('toast', () => {
  it('announces its message with its action, and stays after the action until dismissed with its close button', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const toast = screen.getByRole('status');
    expect(toast).toHaveTextContent('Removed “Mixture of Parrots”');
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(screen.getByText('Undone 1 times')).toBeInTheDocument();
    expect(toast).toHaveTextContent('Removed “Mixture of Parrots”');
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(toast).toBeEmptyDOMElement();
  });

  it('is dismissed with Escape, except while the reader is typing in a field', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('textbox', { name: 'Note' }));
    await user.keyboard('{Escape}');
    expect(screen.getByRole('status')).toHaveTextContent('Removed “Mixture of Parrots”');
    await user.click(screen.getByText('Undone 0 times'));
    await user.keyboard('{Escape}');
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
  });
});
