import { defineElement } from '../elements/define.js';
import { BantinCounter } from '../elements/counter.js';

defineElement('bantin-counter', BantinCounter);

export { BantinCounter };
