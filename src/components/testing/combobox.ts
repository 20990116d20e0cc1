import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

// No artificial delay between events: Grafana's Combobox is slow enough in jsdom already.
const user = userEvent.setup({ delay: null });

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Opens the combobox labelled `label` and returns its options' accessible names. */
export async function openOptions(label: string): Promise<string[]> {
  await user.click(screen.getByLabelText(label));
  const listbox = await findOpenListbox();
  return within(listbox)
    .getAllByRole('option')
    .map((o) => o.textContent ?? '');
}

/** Picks the option whose text starts with `text` (descriptions follow the label). */
export async function choose(label: string, text: string) {
  await user.click(screen.getByLabelText(label));
  const listbox = await findOpenListbox();
  await user.click(within(listbox).getByRole('option', { name: new RegExp(`^${escape(text)}`) }));
}

async function findOpenListbox(): Promise<HTMLElement> {
  // Every Combobox keeps a (possibly empty) listbox in the DOM; the open one has options.
  const boxes = await screen.findAllByRole('listbox');
  const open = boxes.find((b) => within(b).queryAllByRole('option').length > 0);
  if (!open) {
    throw new Error('no open listbox with options');
  }
  return open;
}
