import { defineElement } from '../elements/define.js';
import { TAGS } from '../elements/tags.js';
import { BantinCounter } from '../elements/counter.js';

defineElement(TAGS.counter, BantinCounter);

export { BantinCounter };
