/** Writing a case off and the VAT that can be recovered on it. */
package fr.recouvrement.legal.writeoff;
