// Server commands tests call with executeServerCommand(): things only the
// browser's driver can do. (For prefers-reduced-motion, use the runner's own
// emulateMedia / 'emulate-media' command.)
export function browserCommands() {
  return {
    name: 'bantin-browser-commands',
    async executeCommand({ command, payload, session }) {
      const page = () => session.browser.getPage(session.id);
      switch (command) {
        case 'emulate-timezone':
          await page().emulateTimezone(payload?.timeZone || undefined);
          return true;
        case 'set-viewport':
          await page().setViewport({ width: payload.width, height: payload.height });
          return true;
        default:
          return undefined;
      }
    },
  };
}
