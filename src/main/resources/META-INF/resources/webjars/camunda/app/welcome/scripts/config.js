// Recouvrement: replaces the webapp's own scripts/config.js (this file comes first on the class path).
// French by default: a browser asking for English gets English, any other language French
// (fr.json is served by fr.recouvrement.webapps.WebappLocales, our translation over the English labels).
export default {
  locales: {
    availableLocales: ['fr', 'en'],
    fallbackLocale: 'fr'
  },
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  }
};
