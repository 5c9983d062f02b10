/** The French labels of the embedded Camunda webapps, laid over their English ones. */
package fr.recouvrement.webapps;
