import { defineElement } from '../elements/define.js';
import { BantinDatePicker } from '../elements/date-picker.js';

defineElement('bantin-date-picker', BantinDatePicker);

export { BantinDatePicker, type BantinDateChangeDetail, type BantinNavigateDetail } from '../elements/date-picker.js';
export { navigateUrl } from '../elements/links.js';
