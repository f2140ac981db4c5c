import { expect, fixture, html as fhtml } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { LitElement, html } from 'lit';
import { DialogController } from '../../../src/elements/controllers/dialog-controller.js';
import { until } from '../../support/until.js';

/** A minimal host: an opener button and a dialog with two buttons in it. */
class DialogProbe extends LitElement {
  popup = new DialogController(this, {
    dialog: () => this.renderRoot.querySelector('dialog'),
    anchor: () => this.renderRoot.querySelector<HTMLElement>('#opener'),
  });
  override render() {
    return html`<button id="opener" @click=${() => void this.popup.show()}>Mở</button>
      ${this.popup.render('Hộp thoại', () => html`<button id="first">Một</button><button id="last">Hai</button>`)}`;
  }
}
customElements.define('test-dialog-probe', DialogProbe);

const $ = (el: DialogProbe, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const dialog = (el: DialogProbe) => el.shadowRoot!.querySelector('dialog')!;
const focusedId = (el: DialogProbe) => (el.shadowRoot!.activeElement as HTMLElement | null)?.id;

describe('DialogController', () => {
  after(() => executeServerCommand('set-viewport', { width: 800, height: 600 }));

  it('renders its content only while open, as a named modal dialog', async () => {
    const el = await fixture<DialogProbe>(fhtml`<test-dialog-probe></test-dialog-probe>`);
    expect(dialog(el).open).to.equal(false);
    expect($(el, '#first')).to.equal(null);
    expect(dialog(el).getAttribute('aria-label')).to.equal('Hộp thoại');
    await el.popup.show();
    expect(el.popup.open).to.equal(true);
    expect(dialog(el).open).to.equal(true);
    expect(dialog(el).matches(':modal')).to.equal(true);
    expect($(el, '#first')).to.exist;
  });

  it('Escape closes it and focus goes back to the opener', async () => {
    const el = await fixture<DialogProbe>(fhtml`<test-dialog-probe></test-dialog-probe>`);
    $(el, '#opener')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => dialog(el).open, 2000, 'open');
    $(el, '#first')!.focus();
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog(el).open, 2000, 'closed');
    await el.updateComplete;
    expect(el.popup.open).to.equal(false);
    expect($(el, '#first')).to.equal(null);
    expect(focusedId(el)).to.equal('opener');
  });

  it('Tab and Shift+Tab wrap around inside', async () => {
    const el = await fixture<DialogProbe>(fhtml`<test-dialog-probe></test-dialog-probe>`);
    await el.popup.show();
    $(el, '#last')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focusedId(el)).to.equal('first');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focusedId(el)).to.equal('last');
    expect(dialog(el).open).to.equal(true);
  });

  it('a click on the backdrop closes it, a click inside does not', async () => {
    const el = await fixture<DialogProbe>(fhtml`<test-dialog-probe></test-dialog-probe>`);
    await el.popup.show();
    const r = dialog(el).getBoundingClientRect();
    const click = (x: number, y: number) => dialog(el).dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: x, clientY: y }));
    click(r.left + 2, r.top + 2);
    expect(dialog(el).open).to.equal(true);
    click(r.right + 20, r.bottom + 20);
    await until(() => !dialog(el).open, 2000, 'closed');
  });

  it('opens beside the opener on a wide screen, and leaves the layout to CSS on a narrow one', async () => {
    await executeServerCommand('set-viewport', { width: 1024, height: 700 });
    const el = await fixture<DialogProbe>(fhtml`<test-dialog-probe style="margin: 40px"></test-dialog-probe>`);
    await el.popup.show();
    const opener = $(el, '#opener')!.getBoundingClientRect();
    const box = dialog(el).getBoundingClientRect();
    expect(Math.round(box.left)).to.equal(Math.round(opener.left));
    expect(Math.round(box.top)).to.equal(Math.round(opener.bottom + 4));
    el.popup.close();
    await until(() => !dialog(el).open, 2000, 'closed');
    await executeServerCommand('set-viewport', { width: 360, height: 640 });
    await el.popup.show();
    expect(dialog(el).style.top).to.equal('');
  });

  it('taken out of the page, it is closed', async () => {
    const el = await fixture<DialogProbe>(fhtml`<test-dialog-probe></test-dialog-probe>`);
    await el.popup.show();
    el.remove();
    expect(el.popup.open).to.equal(false);
  });
});
