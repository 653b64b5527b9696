// The desk's additions to Decap CMS, loaded after decap-cms.js (which waits: window.CMS_MANUAL_INIT) as a module:
// the Indonesian interface (bahasa-id.js, in the form of decap-cms-locales so that it can be offered upstream
// unchanged) and the YAML format that keeps a data file as the desk writes it (format-desk.js); then the start.
import id from './bahasa-id.js';
import { loadFormats } from './format-desk.js';

CMS.registerLocale('id', id);
for (const [name, format] of Object.entries(await loadFormats())) CMS.registerCustomFormat(name, 'yml', format);
CMS.init();
