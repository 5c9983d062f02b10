/** The Camunda Tasklist filters each group sees. */
package fr.recouvrement.tasklist;
