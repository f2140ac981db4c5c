import { defineElement } from '../elements/define.js';
import { TAGS } from '../elements/tags.js';
import { BantinDatePicker } from '../elements/date-picker.js';

defineElement(TAGS['date-picker'], BantinDatePicker);

export { BantinDatePicker, type BantinDateChangeDetail, type BantinNavigateDetail } from '../elements/date-picker.js';
export { navigateUrl } from '../elements/navigate-url.js';
