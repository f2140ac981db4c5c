/**
 * The search box's keyboard model (the ARIA combobox's keys), apart from its
 * rendering: what a key does, given what the box shows. Pure, so it is tested
 * without a page.
 */

/** What the box shows when the key comes. */
export interface BoxKeyState {
  pageMode: boolean;
  open: boolean;
  /** The active option, -1 for none. */
  active: number;
  /** How many options are shown. */
  options: number;
  /** A search is running (its options are about to change). */
  busy: boolean;
  /** The box has an `action` (a results page). */
  hasAction: boolean;
  query: string;
}

export type BoxKeyAction =
  /** Open the list with this option active. */
  | { do: 'move'; active: number }
  /** Page mode: search again from the first page. */
  | { do: 'search' }
  | { do: 'choose'; index: number }
  /** Go to the results page for the query. */
  | { do: 'go' }
  /** Empty the box. */
  | { do: 'clear' }
  /** The key is the box's (no default action), but nothing happens. */
  | { do: 'nothing' };

/** What `key` does, or null when the box leaves it to the browser. */
export function boxKey(key: string, s: BoxKeyState): BoxKeyAction | null {
  switch (key) {
    case 'ArrowDown':
    case 'ArrowUp': {
      if (s.pageMode || !s.options || s.busy) return null;
      // A closed list opens on its active option first.
      if (!s.open && s.active >= 0) return { do: 'move', active: s.active };
      const down = key === 'ArrowDown';
      const n = s.options;
      return { do: 'move', active: s.active < 0 ? (down ? 0 : n - 1) : (s.active + (down ? 1 : -1) + n) % n };
    }
    case 'Enter':
      if (s.pageMode) return { do: 'search' };
      if (s.open && s.active >= 0 && s.active < s.options) return { do: 'choose', index: s.active };
      return s.hasAction && s.query.trim() ? { do: 'go' } : { do: 'nothing' };
    case 'Escape':
      return s.query || s.open ? { do: 'clear' } : null;
    default:
      return null;
  }
}
