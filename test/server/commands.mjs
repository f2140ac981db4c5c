// Server commands tests call with executeServerCommand(): things only the
// browser's driver can do.
export function browserCommands() {
  return {
    name: 'bantin-browser-commands',
    async executeCommand({ command, payload, session }) {
      const page = () => session.browser.getPage(session.id);
      switch (command) {
        case 'emulate-timezone':
          await page().emulateTimezone(payload?.timeZone || undefined);
          return true;
        case 'emulate-media':
          await page().emulateMediaFeatures(payload?.features ?? []);
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
