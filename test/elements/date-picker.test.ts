import { expect, fixture, html } from '@open-wc/testing';
import { a11ySnapshot, executeServerCommand, findAccessibilityNode, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/entries/date-picker.js';
import '../../src/entries/news-list.js';
import type { BantinDatePicker } from '../../src/elements/date-picker.js';
import { navigateUrl } from '../../src/elements/navigate-url.js';
import { dayKey } from '../../src/shared/time-zone.js';
import { feedJson, item, mockFeed, uniqueId } from '../support/mock.js';
import { until } from '../support/until.js';

const DEMO_FEED = new URL('/demo/feed.json', location.href).href;

const $ = <T extends Element = HTMLElement>(el: BantinDatePicker, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: BantinDatePicker, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const button = (el: BantinDatePicker) => $<HTMLButtonElement>(el, '[part~="button"]')!;
const dialog = (el: BantinDatePicker) => $<HTMLDialogElement>(el, 'dialog')!;
const heading = (el: BantinDatePicker) => $(el, '[part="heading"]')!.textContent!.trim();
const cell = (el: BantinDatePicker, day: string) => $(el, `td[data-day="${day}"]`)!;
/** What has focus inside the picker. */
const focused = (el: BantinDatePicker) => el.shadowRoot!.activeElement as HTMLElement | null;
const focusedDay = (el: BantinDatePicker) => focused(el)?.dataset.day;
const press = async (el: BantinDatePicker, key: string) => {
  await sendKeys({ press: key });
  await el.updateComplete;
};
const pressWith = async (el: BantinDatePicker, modifier: string, key: string) => {
  await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  await sendKeys({ up: modifier });
  await el.updateComplete;
};
/** Name computed the simple way our markup allows: aria-label, else text. */
const nameOf = (e: Element) => e.getAttribute('aria-label') ?? e.textContent!.replace(/\s+/g, ' ').trim();

type AXNode = { role: string; name: string; children: AXNode[] };
/** Whether Chromium's accessibility tree has a node with this role and name. */
async function axHas(role: string, name: string) {
  const tree = (await a11ySnapshot({})) as unknown as AXNode;
  return !!findAccessibilityNode<AXNode>(tree, (n) => n.role === role && n.name === name);
}

/** Opens the dialog the way a keyboard user does: focus the button, press Enter. */
async function openWithKeyboard(el: BantinDatePicker) {
  button(el).focus();
  await press(el, 'Enter');
  await until(() => dialog(el).open && focusedDay(el), 5000, 'dialog open with a focused day');
}

async function picker(markup: ReturnType<typeof html>) {
  const el = await fixture<BantinDatePicker>(markup);
  await el.updateComplete;
  return el;
}

describe('<bantin-date-picker>: button and dialog', () => {
  it('shows a "Xem theo ngày" button and a closed dialog, accessible', async () => {
    const el = await picker(html`<bantin-date-picker></bantin-date-picker>`);
    expect(nameOf(button(el))).to.equal('Xem theo ngày');
    expect(button(el).getAttribute('aria-haspopup')).to.equal('dialog');
    expect(dialog(el).open).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('opens a modal dialog on the chosen day, with one tabbable day, accessible', async () => {
    const el = await picker(html`<bantin-date-picker value="2017-02-27"></bantin-date-picker>`);
    await openWithKeyboard(el);
    expect(dialog(el).matches(':modal')).to.equal(true);
    expect(focusedDay(el)).to.equal('2017-02-27');
    expect(heading(el)).to.equal('Tháng 2 năm 2017');
    expect($(el, '[part="heading"]')!.getAttribute('aria-live')).to.equal('polite');
    expect($(el, 'table')!.getAttribute('role')).to.equal('grid');
    expect($$(el, 'td[tabindex="0"]').length).to.equal(1);
    expect($$(el, 'td[data-day]').length).to.equal(28);
    expect(cell(el, '2017-02-27').getAttribute('aria-selected')).to.equal('true');
    expect($$(el, 'td[aria-selected="true"]').length).to.equal(1);
    expect(cell(el, '2017-02-27').textContent).to.contain('Thứ Hai, 27 tháng 2, 2017');
    await expect(el).to.be.accessible();
  });

  it('marks today and opens on it when nothing is chosen', async () => {
    const el = await picker(html`<bantin-date-picker></bantin-date-picker>`);
    await openWithKeyboard(el);
    const today = dayKey(new Date(), 'Asia/Ho_Chi_Minh');
    expect(focusedDay(el)).to.equal(today);
    const current = $$(el, 'td[aria-current="date"]');
    expect(current.map((c) => c.dataset.day)).to.deep.equal([today]);
    expect(current[0].textContent).to.contain('hôm nay');
  });

  it('Esc closes without choosing, and focus returns to the button', async () => {
    const el = await picker(html`<bantin-date-picker value="2017-02-27"></bantin-date-picker>`);
    let changes = 0;
    el.addEventListener('change', () => changes++);
    await openWithKeyboard(el);
    await press(el, 'ArrowRight');
    await press(el, 'Escape');
    await until(() => !dialog(el).open, 2000, 'closed');
    await el.updateComplete;
    expect(focused(el)).to.equal(button(el));
    expect(el.value).to.equal('2017-02-27');
    expect(changes).to.equal(0);
  });

  it('Tab and Shift+Tab cycle inside the dialog', async () => {
    const el = await picker(html`<bantin-date-picker value="2017-02-27"></bantin-date-picker>`);
    await openWithKeyboard(el);
    const seen: string[] = [];
    const where = () => {
      const f = focused(el)!;
      return f.dataset.day ? 'day' : f.getAttribute('part')!;
    };
    for (let i = 0; i < 7; i++) {
      await press(el, 'Tab');
      seen.push(where());
    }
    expect(seen).to.deep.equal(['input', 'submit', 'close', 'prev', 'next', 'day', 'input']);
    await pressWith(el, 'Shift', 'Tab');
    expect(where()).to.equal('day');
    await pressWith(el, 'Shift', 'Tab');
    expect(where()).to.equal('next');
    await pressWith(el, 'Shift', 'Tab');
    expect(where()).to.equal('prev');
    await pressWith(el, 'Shift', 'Tab');
    expect(where()).to.equal('close');
    expect(dialog(el).open).to.equal(true);
  });

  it('prev/next month buttons change the month and keep focus on the button', async () => {
    const el = await picker(html`<bantin-date-picker value="2017-01-31"></bantin-date-picker>`);
    await openWithKeyboard(el);
    const next = $<HTMLButtonElement>(el, '[part="next"]')!;
    next.focus();
    await press(el, 'Enter');
    expect(heading(el)).to.equal('Tháng 2 năm 2017');
    expect(focused(el)).to.equal(next);
    // 31 January has no February twin: the tabbable day is the 28th.
    expect($(el, 'td[tabindex="0"]')!.dataset.day).to.equal('2017-02-28');
    await press(el, 'Enter');
    await press(el, 'Enter');
    expect(heading(el)).to.equal('Tháng 4 năm 2017');
    $<HTMLButtonElement>(el, '[part="prev"]')!.click();
    await el.updateComplete;
    expect(heading(el)).to.equal('Tháng 3 năm 2017');
    expect(nameOf($(el, '[part="prev"]')!)).to.equal('Tháng trước');
    expect(nameOf(next)).to.equal('Tháng sau');
  });

  it('a click on the backdrop closes, a click inside does not', async () => {
    const el = await picker(html`<bantin-date-picker value="2017-02-27"></bantin-date-picker>`);
    await openWithKeyboard(el);
    const r = $(el, '[part="heading"]')!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(r.left + 2), Math.round(r.top + 2)] });
    expect(dialog(el).open).to.equal(true);
    const d = dialog(el).getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(d.right + 20), Math.round(d.bottom + 20)] });
    await until(() => !dialog(el).open, 2000, 'closed');
    expect(el.value).to.equal('2017-02-27');
    await resetMouse();
  });

  it('the close button closes and returns focus', async () => {
    const el = await picker(html`<bantin-date-picker></bantin-date-picker>`);
    await openWithKeyboard(el);
    $<HTMLButtonElement>(el, '[part="close"]')!.click();
    await until(() => !dialog(el).open, 2000, 'closed');
    expect(focused(el)).to.equal(button(el));
  });
});

describe('<bantin-date-picker>: keyboard in the grid', () => {
  it('arrows move by day and week across month and year edges', async () => {
    const el = await picker(html`<bantin-date-picker value="2016-12-31"></bantin-date-picker>`);
    await openWithKeyboard(el);
    await press(el, 'ArrowRight');
    expect(focusedDay(el)).to.equal('2017-01-01');
    expect(heading(el)).to.equal('Tháng 1 năm 2017');
    await press(el, 'ArrowLeft');
    expect(focusedDay(el)).to.equal('2016-12-31');
    await press(el, 'ArrowDown');
    expect(focusedDay(el)).to.equal('2017-01-07');
    await press(el, 'ArrowUp');
    await press(el, 'ArrowUp');
    expect(focusedDay(el)).to.equal('2016-12-24');
    expect($$(el, 'td[tabindex="0"]').map((c) => c.dataset.day)).to.deep.equal(['2016-12-24']);
  });

  it('Home and End go to the start and end of the week (Monday first by default)', async () => {
    const el = await picker(html`<bantin-date-picker value="2017-03-01"></bantin-date-picker>`);
    await openWithKeyboard(el);
    await press(el, 'Home');
    expect(focusedDay(el)).to.equal('2017-02-27');
    await press(el, 'End');
    expect(focusedDay(el)).to.equal('2017-03-05');
  });

  it('Home and End follow first-day-of-week', async () => {
    const el = await picker(html`<bantin-date-picker value="2017-03-01" first-day-of-week="0"></bantin-date-picker>`);
    await openWithKeyboard(el);
    await press(el, 'Home');
    expect(focusedDay(el)).to.equal('2017-02-26');
    await press(el, 'End');
    expect(focusedDay(el)).to.equal('2017-03-04');
  });

  it('PageUp/PageDown move by month, to the last day where the day does not exist', async () => {
    const el = await picker(html`<bantin-date-picker value="2017-01-31"></bantin-date-picker>`);
    await openWithKeyboard(el);
    await press(el, 'PageDown');
    expect(focusedDay(el)).to.equal('2017-02-28');
    expect(heading(el)).to.equal('Tháng 2 năm 2017');
    await press(el, 'PageDown');
    expect(focusedDay(el)).to.equal('2017-03-28');
    await press(el, 'PageUp');
    await press(el, 'PageUp');
    await press(el, 'PageUp');
    expect(focusedDay(el)).to.equal('2016-12-28');
    expect(heading(el)).to.equal('Tháng 12 năm 2016');
  });

  it('PageDown from 31 January of a leap year lands on 29 February', async () => {
    const el = await picker(html`<bantin-date-picker value="2016-01-31"></bantin-date-picker>`);
    await openWithKeyboard(el);
    await press(el, 'PageDown');
    expect(focusedDay(el)).to.equal('2016-02-29');
  });

  it('Shift+PageUp/PageDown move by year; 29 February becomes 28', async () => {
    const el = await picker(html`<bantin-date-picker value="2016-02-29"></bantin-date-picker>`);
    await openWithKeyboard(el);
    await pressWith(el, 'Shift', 'PageDown');
    expect(focusedDay(el)).to.equal('2017-02-28');
    expect(heading(el)).to.equal('Tháng 2 năm 2017');
    await pressWith(el, 'Shift', 'PageUp');
    await pressWith(el, 'Shift', 'PageUp');
    expect(focusedDay(el)).to.equal('2015-02-28');
  });

  it('Enter chooses the day, closes, fires change and names the button with the date', async () => {
    const host = await fixture<HTMLDivElement>(html`<div><bantin-date-picker value="2017-02-26"></bantin-date-picker></div>`);
    const el = host.querySelector('bantin-date-picker')!;
    const changes: CustomEvent[] = [];
    host.addEventListener('change', (e) => changes.push(e as CustomEvent));
    await openWithKeyboard(el);
    await press(el, 'ArrowRight');
    await press(el, 'Enter');
    await until(() => !dialog(el).open, 2000, 'closed');
    await el.updateComplete;
    expect(el.value).to.equal('2017-02-27');
    expect(el.getAttribute('value')).to.equal('2017-02-27');
    expect(changes.length).to.equal(1);
    expect(changes[0].detail.value).to.equal('2017-02-27');
    expect(changes[0].bubbles && changes[0].composed).to.equal(true);
    expect(focused(el)).to.equal(button(el));
    expect(nameOf(button(el))).to.equal('Xem theo ngày, đã chọn 27/02/2017');
    expect(await axHas('button', 'Xem theo ngày, đã chọn 27/02/2017')).to.equal(true);
    expect($(el, '[part="chosen-date"]')!.textContent).to.equal('27/02/2017');
  });

  it('Space chooses too', async () => {
    const el = await picker(html`<bantin-date-picker value="2017-02-27"></bantin-date-picker>`);
    await openWithKeyboard(el);
    await press(el, 'ArrowDown');
    await press(el, 'Space');
    await until(() => !dialog(el).open, 2000, 'closed');
    expect(el.value).to.equal('2017-03-06');
  });

  it('clicking a day chooses it', async () => {
    const el = await picker(html`<bantin-date-picker value="2017-02-27"></bantin-date-picker>`);
    await openWithKeyboard(el);
    cell(el, '2017-02-14').click();
    await until(() => !dialog(el).open, 2000, 'closed');
    expect(el.value).to.equal('2017-02-14');
  });

  it('clamps movement to min and max and disables the days outside', async () => {
    const el = await picker(
      html`<bantin-date-picker value="2017-02-15" min="2017-02-10" max="2017-03-05"></bantin-date-picker>`,
    );
    await openWithKeyboard(el);
    expect(cell(el, '2017-02-09').getAttribute('aria-disabled')).to.equal('true');
    expect(cell(el, '2017-02-10').hasAttribute('aria-disabled')).to.equal(false);
    expect($(el, '[part="prev"]')!.getAttribute('aria-disabled')).to.equal('true');
    expect($(el, '[part="next"]')!.getAttribute('aria-disabled')).to.equal('false');
    await press(el, 'PageUp');
    expect(focusedDay(el)).to.equal('2017-02-10');
    await press(el, 'ArrowLeft');
    expect(focusedDay(el)).to.equal('2017-02-10');
    await press(el, 'PageDown');
    expect(focusedDay(el)).to.equal('2017-03-05');
    expect($(el, '[part="next"]')!.getAttribute('aria-disabled')).to.equal('true');
    await pressWith(el, 'Shift', 'PageDown');
    expect(focusedDay(el)).to.equal('2017-03-05');
    await press(el, 'ArrowRight');
    expect(focusedDay(el)).to.equal('2017-03-05');
    // The next button is inert at the edge.
    $<HTMLButtonElement>(el, '[part="next"]')!.click();
    await el.updateComplete;
    expect(heading(el)).to.equal('Tháng 3 năm 2017');
    // A click on a day outside the range chooses nothing.
    cell(el, '2017-03-06').click();
    await el.updateComplete;
    expect(el.value).to.equal('2017-02-15');
    expect($(el, '[part="message"]')!.textContent).to.contain('06/03/2017 nằm ngoài khoảng cho phép');
  });
});

describe('<bantin-date-picker>: languages and weeks', () => {
  const headers = (el: BantinDatePicker) =>
    $$(el, 'th').map((th) => [th.querySelector('[aria-hidden]')!.textContent!.trim(), th.getAttribute('abbr')]);

  it('Vietnamese: T2 … CN with full names for assistive technology, Monday first', async () => {
    const el = await picker(html`<bantin-date-picker value="2017-02-27"></bantin-date-picker>`);
    await openWithKeyboard(el);
    expect(headers(el)).to.deep.equal([
      ['T2', 'Thứ Hai'],
      ['T3', 'Thứ Ba'],
      ['T4', 'Thứ Tư'],
      ['T5', 'Thứ Năm'],
      ['T6', 'Thứ Sáu'],
      ['T7', 'Thứ Bảy'],
      ['CN', 'Chủ Nhật'],
    ]);
    expect($$(el, 'th .sr-only').map((s) => s.textContent)).to.include('Thứ Hai');
    // 1 February 2017 was a Wednesday: third column.
    const firstRow = $$(el, 'tbody tr')[0];
    expect([...firstRow.children].findIndex((td) => (td as HTMLElement).dataset.day === '2017-02-01')).to.equal(2);
  });

  it('first-day-of-week="0" puts Sunday first', async () => {
    const el = await picker(html`<bantin-date-picker value="2017-02-27" first-day-of-week="0"></bantin-date-picker>`);
    await openWithKeyboard(el);
    expect(headers(el)[0]).to.deep.equal(['CN', 'Chủ Nhật']);
    expect(headers(el)[6]).to.deep.equal(['T7', 'Thứ Bảy']);
    const firstRow = $$(el, 'tbody tr')[0];
    expect([...firstRow.children].findIndex((td) => (td as HTMLElement).dataset.day === '2017-02-01')).to.equal(3);
  });

  it('English names and labels, Sunday first', async () => {
    const el = await picker(html`<bantin-date-picker lang="en" value="2017-02-27" first-day-of-week="0"></bantin-date-picker>`);
    expect(nameOf(button(el))).to.equal('Browse by date, 02/27/2017 chosen');
    await openWithKeyboard(el);
    expect(heading(el)).to.equal('February 2017');
    expect(headers(el).map((h) => h[0])).to.deep.equal(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
    expect(headers(el)[1][1]).to.equal('Monday');
    expect(cell(el, '2017-02-27').textContent).to.contain('Monday, February 27, 2017');
    expect(nameOf($(el, '[part="next"]')!)).to.equal('Next month');
    expect(dialog(el).getAttribute('aria-label')).to.equal('Browse by date');
  });

  it('follows a language change on the page', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="vi"><bantin-date-picker></bantin-date-picker></div>`);
    const el = wrap.firstElementChild as BantinDatePicker;
    await el.updateComplete;
    expect(nameOf(button(el))).to.equal('Xem theo ngày');
    wrap.lang = 'en';
    await until(() => nameOf(button(el)) === 'Browse by date', 2000, 'English label');
  });
});

describe('<bantin-date-picker>: typing a date', () => {
  const typeDate = async (el: BantinDatePicker, text: string) => {
    $<HTMLInputElement>(el, 'input')!.focus();
    await sendKeys({ type: text });
    await press(el, 'Enter');
  };
  const message = (el: BantinDatePicker) => $(el, '[part="message"]')!.textContent!.trim();

  it('a valid Vietnamese date chooses that day', async () => {
    const el = await picker(html`<bantin-date-picker></bantin-date-picker>`);
    const changes: string[] = [];
    el.addEventListener('change', (e) => changes.push((e as CustomEvent).detail.value));
    await openWithKeyboard(el);
    const input = $<HTMLInputElement>(el, 'input')!;
    expect(input.placeholder).to.equal('dd/mm/yyyy');
    expect(nameOf($(el, 'label')!)).to.equal('Nhập ngày (dd/mm/yyyy)');
    await typeDate(el, '27/02/2017');
    await until(() => !dialog(el).open, 2000, 'closed');
    expect(el.value).to.equal('2017-02-27');
    expect(changes).to.deep.equal(['2017-02-27']);
  });

  it('a wrong date gets a clear message and changes nothing', async () => {
    const el = await picker(html`<bantin-date-picker value="2017-02-01"></bantin-date-picker>`);
    let changes = 0;
    el.addEventListener('change', () => changes++);
    await openWithKeyboard(el);
    await typeDate(el, '30/02/2017');
    const input = $<HTMLInputElement>(el, 'input')!;
    expect(message(el)).to.equal('Ngày «30/02/2017» không hợp lệ. Nhập theo dạng dd/mm/yyyy.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('message');
    expect($(el, '#message')!.getAttribute('aria-live')).to.equal('polite');
    expect(dialog(el).open).to.equal(true);
    expect(el.value).to.equal('2017-02-01');
    expect(heading(el)).to.equal('Tháng 2 năm 2017');
    expect(changes).to.equal(0);
    await expect(el).to.be.accessible();
    // Typing again clears the message.
    await sendKeys({ type: 'x' });
    await el.updateComplete;
    expect(message(el)).to.equal('');
  });

  it('an out-of-range date gets a message and changes nothing', async () => {
    const el = await picker(html`<bantin-date-picker value="2017-02-01" max="2017-03-31"></bantin-date-picker>`);
    await openWithKeyboard(el);
    await typeDate(el, '01/04/2017');
    expect(message(el)).to.equal('Ngày 01/04/2017 nằm ngoài khoảng cho phép.');
    expect(el.value).to.equal('2017-02-01');
    expect(heading(el)).to.equal('Tháng 2 năm 2017');
  });

  it('English takes the locale order', async () => {
    const el = await picker(html`<bantin-date-picker lang="en-US"></bantin-date-picker>`);
    await openWithKeyboard(el);
    expect($<HTMLInputElement>(el, 'input')!.placeholder).to.equal('mm/dd/yyyy');
    await typeDate(el, '27/02/2017');
    expect(message(el)).to.equal('“27/02/2017” is not a valid date. Use mm/dd/yyyy.');
    $<HTMLInputElement>(el, 'input')!.value = '';
    await typeDate(el, '02/27/2017');
    await until(() => !dialog(el).open, 2000, 'closed');
    expect(el.value).to.equal('2017-02-27');
  });

  it('British English takes day first', async () => {
    const el = await picker(html`<bantin-date-picker lang="en-GB" inline></bantin-date-picker>`);
    await typeDate(el, '27/02/2017');
    expect(el.value).to.equal('2017-02-27');
  });
});

describe('<bantin-date-picker>: days with news', () => {
  const FEB_NEWS = ['2017-02-06', '2017-02-10', '2017-02-15', '2017-02-22', '2017-02-24', '2017-02-27', '2017-02-28'];
  const newsDays = (el: BantinDatePicker) => $$(el, 'td[part~="day-news"]').map((c) => c.dataset.day);

  it('marks the days of the demo feed that have articles, with "có tin" for AT', async () => {
    const el = await picker(html`<bantin-date-picker feed=${DEMO_FEED} value="2017-02-27"></bantin-date-picker>`);
    await openWithKeyboard(el);
    await until(() => newsDays(el).length, 10_000, 'news days');
    expect(newsDays(el)).to.deep.equal(FEB_NEWS);
    expect(cell(el, '2017-02-27').textContent).to.contain('có tin');
    expect(await axHas('gridcell', 'Thứ Hai, 27 tháng 2, 2017, có tin')).to.equal(true);
    expect(cell(el, '2017-02-26').textContent).not.to.contain('có tin');
    // Without news-days-only every day can be chosen.
    expect($$(el, 'td[aria-disabled]').length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('switched to another feed already loaded on the page, marks that feed\'s days', async () => {
    const a = await mockFeed(uniqueId('a'), { body: feedJson([item(1, { date_published: '2017-02-10T08:00:00+07:00' })]) });
    const b = await mockFeed(uniqueId('b'), { body: feedJson([item(1, { date_published: '2017-02-20T08:00:00+07:00' })]) });
    const wrap = await fixture(html`<div>
      <bantin-date-picker feed=${a} value="2017-02-01" inline></bantin-date-picker>
      <bantin-date-picker feed=${b} value="2017-02-01" inline></bantin-date-picker>
    </div>`);
    const [el, other] = [...wrap.querySelectorAll('bantin-date-picker')];
    await until(() => newsDays(el).length && newsDays(other).length, 10_000, 'news days');
    expect(newsDays(el)).to.deep.equal(['2017-02-10']);
    el.feed = b;
    await el.updateComplete;
    expect(newsDays(el)).to.deep.equal(['2017-02-20']);
  });

  it('counts days in the display time zone', async () => {
    // 23:30 UTC on 26 February is 06:30 on the 27th in Vietnam.
    const url = await mockFeed(uniqueId(), {
      body: feedJson([item(1, { date_published: '2017-02-26T23:30:00Z' }), item(2, { date_published: null })]),
    });
    const vn = await picker(html`<bantin-date-picker feed=${url} value="2017-02-10" inline></bantin-date-picker>`);
    await until(() => newsDays(vn).length, 10_000, 'news days');
    expect(newsDays(vn)).to.deep.equal(['2017-02-27']);
    const utc = await picker(html`<bantin-date-picker feed=${url} value="2017-02-10" time-zone="UTC" inline></bantin-date-picker>`);
    await until(() => newsDays(utc).length, 10_000, 'news days');
    expect(newsDays(utc)).to.deep.equal(['2017-02-26']);
  });

  it('news-days-only: other days are disabled, still reachable by keyboard, but not chosen', async () => {
    const el = await picker(
      html`<bantin-date-picker feed=${DEMO_FEED} news-days-only value="2017-02-24"></bantin-date-picker>`,
    );
    await openWithKeyboard(el);
    await until(() => newsDays(el).length, 10_000, 'news days');
    const enabled = $$(el, 'td[data-day]:not([aria-disabled])').map((c) => c.dataset.day);
    expect(enabled).to.deep.equal(FEB_NEWS);
    expect(cell(el, '2017-02-25').getAttribute('aria-disabled')).to.equal('true');
    await press(el, 'ArrowRight');
    expect(focusedDay(el)).to.equal('2017-02-25');
    await press(el, 'Enter');
    expect(dialog(el).open).to.equal(true);
    expect(el.value).to.equal('2017-02-24');
    expect($(el, '[part="message"]')!.textContent!.trim()).to.equal('Ngày 25/02/2017 không có tin.');
    await press(el, 'ArrowRight');
    await press(el, 'ArrowRight');
    await press(el, 'Enter');
    await until(() => !dialog(el).open, 2000, 'closed');
    expect(el.value).to.equal('2017-02-27');
  });

  it('news-days-only: months with no news are still reachable', async () => {
    const el = await picker(
      html`<bantin-date-picker feed=${DEMO_FEED} news-days-only value="2017-04-21"></bantin-date-picker>`,
    );
    await openWithKeyboard(el);
    await until(() => newsDays(el).length, 10_000, 'news days');
    await press(el, 'PageDown');
    expect(heading(el)).to.equal('Tháng 5 năm 2017');
    expect(focusedDay(el)).to.equal('2017-05-21');
    expect($$(el, 'td[data-day]:not([aria-disabled])').length).to.equal(0);
    $<HTMLButtonElement>(el, '[part="next"]')!.click();
    await el.updateComplete;
    expect(heading(el)).to.equal('Tháng 6 năm 2017');
  });

  it('news-days-only: a typed day without news is refused', async () => {
    const el = await picker(html`<bantin-date-picker feed=${DEMO_FEED} news-days-only inline></bantin-date-picker>`);
    await until(() => (el as unknown as { newsDays: Map<string, number> | null }).newsDays, 10_000, 'feed');
    $<HTMLInputElement>(el, 'input')!.focus();
    await sendKeys({ type: '26/02/2017' });
    await press(el, 'Enter');
    expect($(el, '[part="message"]')!.textContent!.trim()).to.equal('Ngày 26/02/2017 không có tin.');
    expect(el.value).to.equal(null);
  });

  it('opens on the latest news when this month has none', async () => {
    const el = await picker(html`<bantin-date-picker feed=${DEMO_FEED}></bantin-date-picker>`);
    await until(() => (el as unknown as { newsDays: Map<string, number> | null }).newsDays, 10_000, 'feed');
    await openWithKeyboard(el);
    expect(focusedDay(el)).to.equal('2017-04-21');
  });

  it('loads older pages of the feed when the reader goes back past them', async () => {
    const older = await mockFeed(uniqueId(), {
      body: feedJson([item('a', { date_published: '2017-01-05T09:00:00+07:00' })]),
    });
    const url = await mockFeed(uniqueId(), {
      body: feedJson([item('b', { date_published: '2017-03-10T09:00:00+07:00' })], { next_url: older }),
    });
    const el = await picker(html`<bantin-date-picker feed=${url} value="2017-03-10" inline></bantin-date-picker>`);
    await until(() => newsDays(el).length, 10_000, 'March news');
    cell(el, '2017-03-10').focus();
    await press(el, 'PageUp');
    await press(el, 'PageUp');
    expect(heading(el)).to.equal('Tháng 1 năm 2017');
    await until(() => newsDays(el).includes('2017-01-05'), 10_000, 'January news from page 2');
  });

  it('a feed that fails leaves the calendar usable, with the error shown', async () => {
    const url = await mockFeed(uniqueId(), { status: 500, body: 'x' });
    const el = await picker(html`<bantin-date-picker feed=${url} news-days-only value="2017-02-10" inline></bantin-date-picker>`);
    await until(() => $(el, '[part="error"]'), 10_000, 'error');
    expect($$(el, 'td[aria-disabled]').length).to.equal(0);
    cell(el, '2017-02-11').click();
    await el.updateComplete;
    expect(el.value).to.equal('2017-02-11');
  });
});

describe('<bantin-date-picker>: what choosing does', () => {
  let saved: string;
  beforeEach(() => (saved = location.href));
  afterEach(() => history.replaceState(null, '', saved));

  it('for="ID" sets the date attribute of that element; the clear control removes it', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <bantin-date-picker for="list-a"></bantin-date-picker>
      <div id="list-a"></div>
    </div>`);
    const el = wrap.querySelector('bantin-date-picker')!;
    const list = wrap.querySelector('#list-a')!;
    const changes: (string | null)[] = [];
    el.addEventListener('change', (e) => changes.push((e as CustomEvent).detail.value));
    el.value = '2017-02-20';
    await el.updateComplete;
    await openWithKeyboard(el);
    await press(el, 'End');
    await press(el, 'Enter');
    await until(() => !dialog(el).open, 2000, 'closed');
    expect(list.getAttribute('date')).to.equal('2017-02-26');
    const clear = $<HTMLButtonElement>(el, '[part="clear"]')!;
    expect(nameOf(clear)).to.equal('Bỏ lọc ngày');
    clear.click();
    await el.updateComplete;
    expect(list.hasAttribute('date')).to.equal(false);
    expect(el.hasAttribute('value')).to.equal(false);
    expect($(el, '[part="clear"]')).to.equal(null);
    expect(focused(el)).to.equal(button(el));
    expect(changes).to.deep.equal(['2017-02-26', null]);
    expect(nameOf(button(el))).to.equal('Xem theo ngày');
  });

  it('follows the linked element: its own clear control, or a date it already has', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <div id="list-b" date="2017-02-27"></div>
      <bantin-date-picker for="list-b"></bantin-date-picker>
    </div>`);
    const el = wrap.querySelector('bantin-date-picker')!;
    const list = wrap.querySelector('#list-b')!;
    await el.updateComplete;
    expect(el.value).to.equal('2017-02-27');
    list.removeAttribute('date');
    await until(() => el.value === null, 2000, 'picker cleared');
    expect($(el, '[part="clear"]')).to.equal(null);
  });

  it('keeps the reader\'s choice and the link when moved in the page', async () => {
    const url = new URL(location.href);
    url.searchParams.set('date', '2017-02-27');
    history.replaceState(null, '', url);
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <bantin-date-picker for="list-d" inline></bantin-date-picker>
      <div id="list-d"></div>
      <section></section>
    </div>`);
    const el = wrap.querySelector('bantin-date-picker')!;
    await el.updateComplete;
    cell(el, '2017-02-28').click();
    wrap.querySelector('section')!.append(el);
    await el.updateComplete;
    expect(el.value).to.equal('2017-02-28');
    cell(el, '2017-02-24').click();
    expect(wrap.querySelector('#list-d')!.getAttribute('date')).to.equal('2017-02-24');
    // At once, before the picker's own update: its stale value must not win.
    wrap.querySelector('#list-d')!.removeAttribute('date');
    await until(() => el.value === null, 2000, 'picker follows the list');
  });

  it('reads ?date= from the page URL when for or navigate is set', async () => {
    const url = new URL(location.href);
    url.searchParams.set('date', '2017-02-27');
    history.replaceState(null, '', url);
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <bantin-date-picker for="list-c"></bantin-date-picker>
      <div id="list-c"></div>
      <bantin-date-picker navigate="/tin-tuc?date={date}"></bantin-date-picker>
      <bantin-date-picker></bantin-date-picker>
    </div>`);
    const [forPicker, navPicker, plain] = [...wrap.querySelectorAll('bantin-date-picker')];
    await forPicker.updateComplete;
    expect(forPicker.value).to.equal('2017-02-27');
    expect(wrap.querySelector('#list-c')!.getAttribute('date')).to.equal('2017-02-27');
    expect(navPicker.value).to.equal('2017-02-27');
    expect(plain.value).to.equal(null);
  });

  it('ignores an invalid ?date=', async () => {
    const url = new URL(location.href);
    url.searchParams.set('date', '2017-02-30');
    history.replaceState(null, '', url);
    const el = await picker(html`<bantin-date-picker for="nothing" value="2017-01-02"></bantin-date-picker>`);
    expect(el.value).to.equal('2017-01-02');
  });

  it('navigate builds the URL and fires a cancelable bantin-navigate first', async () => {
    expect(navigateUrl('/tin-tuc?date={date}', '2017-02-27', 'https://q5.example/a/b')).to.equal(
      'https://q5.example/tin-tuc?date=2017-02-27',
    );
    expect(navigateUrl('ngay/{date}.html', '2017-02-27', 'https://q5.example/a/b')).to.equal(
      'https://q5.example/a/ngay/2017-02-27.html',
    );
    const el = await picker(html`<bantin-date-picker navigate="/tin-tuc?date={date}" value="2017-02-26"></bantin-date-picker>`);
    const seen: string[] = [];
    el.addEventListener('bantin-navigate', (e) => {
      seen.push((e as CustomEvent).detail.url);
      e.preventDefault();
    });
    await openWithKeyboard(el);
    await press(el, 'ArrowRight');
    await press(el, 'Enter');
    await until(() => seen.length, 2000, 'navigate event');
    expect(seen).to.deep.equal([new URL('/tin-tuc?date=2017-02-27', location.href).href]);
    expect(el.value).to.equal('2017-02-27');
  });

  it('navigate really goes there (a same-page #fragment, so the test page stays)', async () => {
    const el = await picker(html`<bantin-date-picker navigate="#ngay={date}" value="2017-02-26" inline></bantin-date-picker>`);
    cell(el, '2017-02-27').click();
    await until(() => location.hash === '#ngay=2017-02-27', 2000, 'hash');
  });
});

describe('<bantin-date-picker>: inline', () => {
  it('renders the calendar in place, with no button or dialog', async () => {
    const el = await picker(html`<bantin-date-picker inline value="2017-02-27"></bantin-date-picker>`);
    expect($(el, 'dialog')).to.equal(null);
    expect($(el, '[part~="button"]')).to.equal(null);
    expect($(el, '[part="calendar"]')!.getAttribute('aria-label')).to.equal('Lịch');
    expect($$(el, 'td[tabindex="0"]').map((c) => c.dataset.day)).to.deep.equal(['2017-02-27']);
    cell(el, '2017-02-27').focus();
    await press(el, 'ArrowRight');
    expect(focusedDay(el)).to.equal('2017-02-28');
    await press(el, 'Enter');
    expect(el.value).to.equal('2017-02-28');
    expect(focusedDay(el)).to.equal('2017-02-28');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part="clear"]')!.click();
    await el.updateComplete;
    expect(el.value).to.equal(null);
    expect(focusedDay(el)).to.equal('2017-02-28');
  });

  it('an invalid value is ignored', async () => {
    const el = await picker(html`<bantin-date-picker inline value="27/02/2017"></bantin-date-picker>`);
    expect(el.value).to.equal(null);
    expect($$(el, 'td[aria-selected="true"]').length).to.equal(0);
  });
});

describe('<bantin-date-picker>: layout', () => {
  after(() => executeServerCommand('set-viewport', { width: 800, height: 600 }));

  it('on a 360 px screen the dialog fills the width', async () => {
    await executeServerCommand('set-viewport', { width: 360, height: 700 });
    const el = await picker(html`<bantin-date-picker value="2017-02-27"></bantin-date-picker>`);
    await openWithKeyboard(el);
    const r = dialog(el).getBoundingClientRect();
    expect(Math.round(r.left)).to.equal(0);
    expect(Math.round(r.width)).to.equal(document.documentElement.clientWidth);
    // Every day fits: no horizontal overflow.
    expect(dialog(el).scrollWidth).to.be.at.most(dialog(el).clientWidth);
  });

  it('on a wide screen the dialog opens beside the button', async () => {
    await executeServerCommand('set-viewport', { width: 1280, height: 800 });
    const el = await picker(html`<bantin-date-picker value="2017-02-27"></bantin-date-picker>`);
    await openWithKeyboard(el);
    const b = button(el).getBoundingClientRect();
    const d = dialog(el).getBoundingClientRect();
    expect(d.top).to.be.closeTo(b.bottom + 4, 1);
    expect(d.left).to.be.closeTo(b.left, 1);
  });
});

describe('<bantin-date-picker> with <bantin-news-list>', () => {
  const listIds = (list: Element) =>
    [...list.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[part="link"]')].map((a) => new URL(a.href).searchParams.get('id'));

  it('choosing a day filters the linked list to exactly that day\'s items; either clear control removes the filter', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <bantin-date-picker feed=${DEMO_FEED} for="by-day-test" value="2017-02-26"></bantin-date-picker>
      <bantin-news-list feed=${DEMO_FEED} id="by-day-test" limit="5" layout="titles"></bantin-news-list>
    </div>`);
    const el = wrap.querySelector('bantin-date-picker')!;
    const list = wrap.querySelector('bantin-news-list')!;
    // The picker's initial value already filters the list: no news that day.
    const empty = await until(() => list.shadowRoot?.querySelector('[part="empty"]'), 10_000, 'empty day');
    expect(empty.textContent!.trim()).to.equal('Không có tin ngày 26/02/2017');
    await openWithKeyboard(el);
    await press(el, 'ArrowRight');
    await press(el, 'Enter');
    await until(() => listIds(list).join() === '5142,5141', 10_000, 'the two items of 27/02/2017');
    expect(list.getAttribute('date')).to.equal('2017-02-27');
    // The list's own clear control: the picker follows.
    list.shadowRoot!.querySelector<HTMLButtonElement>('[part="clear"]')!.click();
    await until(() => el.value === null, 2000, 'picker cleared by the list');
    await until(() => listIds(list).length === 5, 5000, 'unfiltered list');
    // And the picker's: choose again, then clear from the picker.
    await openWithKeyboard(el);
    // Nothing chosen, and no news this month: it opens on the latest news.
    expect(focusedDay(el)).to.equal('2017-04-21');
    await press(el, 'PageUp');
    await press(el, 'PageUp');
    cell(el, '2017-02-10').click();
    await until(() => listIds(list).join() === '5137', 5000, 'the item of 10/02/2017');
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part="clear"]')!.click();
    await until(() => listIds(list).length === 5, 5000, 'unfiltered again');
    expect(list.hasAttribute('date')).to.equal(false);
  });
});
