/** Who may do what: users, groups, authentication, task submission and model deployment guards. */
package fr.recouvrement.security;
