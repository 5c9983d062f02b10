/** The one SHA-256 of the application. */
package fr.recouvrement.kernel.hash;
