import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EntryBody } from '@/features/entries/components/entry-body';

describe('entry body', () => {
  it('links only http(s) URLs and shows every other node as text', () => {
    render(
      <EntryBody
        body={[
          [
            { type: 'text', text: 'Read the ' },
            { type: 'link', text: 'paper', url: 'https://arxiv.org/abs/2410.10814' },
            { type: 'text', text: ' or ' },
            { type: 'link', text: 'the notes', url: 'javascript:alert(1)' },
            { type: 'text', text: ' <b>now</b>.' },
          ],
          [{ type: 'text', text: 'Second paragraph.' }],
        ]}
      />,
    );
    expect(screen.getByRole('link', { name: /^paper/ })).toHaveAttribute('href', 'https://arxiv.org/abs/2410.10814');
    expect(screen.getAllByRole('link')).toHaveLength(1);
    expect(screen.getByText('the notes')).toBeInTheDocument();
    expect(screen.getByText('<b>now</b>.', { exact: false })).toBeInTheDocument();
    expect(screen.getByText('Second paragraph.').tagName).toBe('P');
  });
});
