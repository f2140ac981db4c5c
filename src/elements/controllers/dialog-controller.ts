import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';

export interface DialogParts {
  /** The host's `<dialog>`, once rendered. */
  dialog(): HTMLDialogElement | null | undefined;
  /** The control that opens it: the dialog is placed beside it, and focus goes back to it on close. */
  anchor(): HTMLElement | null | undefined;
}

/** Below this width the host's CSS lays the dialog out (a sheet at the bottom): no placing. */
const NARROW = '(max-width: 30rem)';

/**
 * A modal `<dialog>` that opens beside the control that opened it, the shell
 * of the APG Date Picker Dialog: `showModal()` (the top layer and Escape come
 * from the browser), Tab and Shift+Tab wrapping inside, a click on the
 * backdrop closing it, focus back on the opener on close.
 *
 * The host puts `render()` (the `<dialog>`, its content only while open)
 * in its template.
 */
export class DialogController implements ReactiveController {
  /** The dialog is open (or opening): the host renders its content. */
  open = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly parts: DialogParts,
  ) {
    host.addController(this);
  }

  hostDisconnected() {
    // A dialog taken out of the page leaves the top layer without a close event.
    this.open = false;
    this.host.requestUpdate();
    window.removeEventListener('resize', this.place);
  }

  /** The `<dialog>`, named `name`, with `content()` in it while open. */
  render(name: string, content: () => unknown) {
    return html`<dialog part="dialog" aria-label=${name} @close=${this.onClose} @keydown=${this.onKeyDown} @click=${this.onClick}>
      ${this.open ? content() : nothing}
    </dialog>`;
  }

  /** Renders the content, opens the dialog modally and places it; resolves once it is open. */
  async show() {
    this.open = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.parts.dialog();
    if (!dialog?.open) dialog?.showModal();
    this.place();
    window.addEventListener('resize', this.place);
  }

  /** Closes the dialog; `onClose` follows from its close event. */
  close() {
    const dialog = this.parts.dialog();
    if (dialog?.open) dialog.close();
  }

  /** The dialog's `close` event, however it closed (Escape included). */
  readonly onClose = () => {
    this.open = false;
    this.host.requestUpdate();
    window.removeEventListener('resize', this.place);
    this.parts.anchor()?.focus();
  };

  /** Tab and Shift+Tab wrap around inside the dialog. */
  readonly onKeyDown = (e: KeyboardEvent) => {
    const dialog = this.parts.dialog();
    if (e.key !== 'Tab' || !dialog) return;
    const stops = [...dialog.querySelectorAll<HTMLElement>('button, input, [tabindex="0"]')];
    const root = dialog.getRootNode();
    const active = root instanceof ShadowRoot ? root.activeElement : null;
    const first = stops[0];
    const last = stops[stops.length - 1];
    if (e.shiftKey && (active === first || !active)) {
      last?.focus();
      e.preventDefault();
    } else if (!e.shiftKey && active === last) {
      first?.focus();
      e.preventDefault();
    }
  };

  /** A click on the backdrop (outside the dialog box) closes it. */
  readonly onClick = (e: MouseEvent) => {
    const dialog = this.parts.dialog();
    if (!dialog || e.target !== dialog) return;
    const r = dialog.getBoundingClientRect();
    if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) this.close();
  };

  /** Below the opener on wide screens (above it when there is no room below), kept in the window. */
  private readonly place = () => {
    const dialog = this.parts.dialog();
    const anchor = this.parts.anchor();
    if (!dialog || !anchor) return;
    for (const p of ['margin', 'left', 'top']) dialog.style.removeProperty(p);
    if (window.matchMedia(NARROW).matches) return;
    const b = anchor.getBoundingClientRect();
    const d = dialog.getBoundingClientRect();
    const margin = 8;
    const left = Math.max(margin, Math.min(b.left, window.innerWidth - d.width - margin));
    let top = b.bottom + 4;
    if (top + d.height > window.innerHeight - margin) top = Math.max(margin, b.top - d.height - 4);
    dialog.style.margin = '0';
    dialog.style.left = `${left}px`;
    dialog.style.top = `${top}px`;
  };
}
