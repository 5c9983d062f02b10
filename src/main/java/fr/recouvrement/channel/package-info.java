/**
 * Email, SMS and letters to the debtor, the contact policy guard, and the one writer of {@code
 * communication} and {@code document}.
 */
package fr.recouvrement.channel;
