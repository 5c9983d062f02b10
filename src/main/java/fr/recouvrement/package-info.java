/**
 * The Spring Boot application of Recouvrement; each sub-package is one capability, {@code kernel}
 * the helpers they share.
 */
package fr.recouvrement;
