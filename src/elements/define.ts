let warned = false;

/**
 * Defines a custom element unless the tag is taken. A page that loads bantin
 * twice (two script tags, or the bundle plus an npm copy) keeps the first
 * definition: the second copy warns once and defers to it instead of throwing.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== ctor && !warned) {
      warned = true;
      console.warn(`bantin: <${tag}> is already defined (bantin loaded twice?); keeping the first definition.`);
    }
    return;
  }
  customElements.define(tag, ctor);
}
