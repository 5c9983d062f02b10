/**
 * Demonstration data for a first local start ({@code recouvrement.demo.enabled}): users of each
 * group and one open case, created only when missing.
 */
package fr.recouvrement.demo;
