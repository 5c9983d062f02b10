// Recouvrement: replaces the webapp's own scripts/config.js (this file comes first on the class path).
// French by default: a browser asking for English gets English, any other language French
// (fr.json is served by fr.recouvrement.webapps.WebappLocales, our translation over the English labels).
export default {
  // in « Priorités du jour », opening a task takes it (scripts/claim-on-open.js)
  customScripts: ['scripts/claim-on-open'],
  locales: {
    availableLocales: ['fr', 'en'],
    fallbackLocale: 'fr'
  },
  // the keyboard-shortcut help lists these descriptions
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'prend en charge la tâche choisie'},
    focusFilter: {key: 'ctrl+shift+f', description: 'place le curseur sur le premier filtre'},
    focusList: {key: 'ctrl+alt+l', description: 'place le curseur sur la première tâche de la liste'},
    focusForm: {key: 'ctrl+alt+f', description: 'place le curseur sur le premier champ du formulaire'},
    startProcess: {key: 'ctrl+alt+p', description: 'ouvre la fenêtre de démarrage d’un processus'}
  },
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  }
};
