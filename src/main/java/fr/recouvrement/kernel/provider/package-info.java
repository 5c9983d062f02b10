/**
 * Calling outside providers (HTTP clients with timeouts) and receiving their signed callbacks once
 * (owner of {@code callback_event}).
 */
package fr.recouvrement.kernel.provider;
