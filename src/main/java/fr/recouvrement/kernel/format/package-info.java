/** How amounts, dates and day counts read in French in letters, emails and pages. */
package fr.recouvrement.kernel.format;
