/** The port to an online payment provider, implemented by adapters. */
package fr.recouvrement.payment;
